/* The C reference for the CPU kernel: sum of i*i for i in [0, n), exact in 128 bits.
   Build and run: gcc -O2 -o sum_squares sum_squares.c && ./sum_squares 50000000 5
   Prints the sum and the best of the repeated timings. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef unsigned __int128 u128;

static u128 sum_squares(unsigned long long n) {
    u128 sum = 0;
    for (unsigned long long i = 0; i < n; i++)
        sum += (u128)i * i;
    return sum;
}

static void print_u128(u128 value) {
    char digits[48];
    int at = 47;
    digits[at] = '\0';
    do {
        digits[--at] = (char)('0' + (int)(value % 10));
        value /= 10;
    } while (value > 0);
    printf("%s", &digits[at]);
}

int main(int argc, char **argv) {
    unsigned long long n = argc > 1 ? strtoull(argv[1], NULL, 10) : 5000000ULL;
    int repeats = argc > 2 ? atoi(argv[2]) : 5;
    double best = 1e30;
    u128 result = 0;
    for (int r = 0; r < repeats; r++) {
        struct timespec start, end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        result = sum_squares(n);
        clock_gettime(CLOCK_MONOTONIC, &end);
        double ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
        if (ms < best)
            best = ms;
    }
    printf("n=%llu sum=", n);
    print_u128(result);
    printf(" best_ms=%.3f\n", best);
    return 0;
}
