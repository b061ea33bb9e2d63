"""The study's multiprocessing download, against the lab's SiteStub: the floor for the
lab's IO `processes` strategy, measured by the lab bench in the same run.

The study's shape: both sites 80 times, a pool of worker processes started inside the
timed section, each with one keep-alive connection of its own (the study's session per
process), `pool.map` over the URLs. Standard library only (http.client for requests).
Prints the wall time in milliseconds.

Usage: python3 io_pool.py HOST PORT WORKERS LATENCY_MS
"""
import http.client
import multiprocessing
import sys
import time

connection = None


def open_connection(host, port):
    global connection
    connection = http.client.HTTPConnection(host, port, timeout=10)


def download(path):
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200 or not body:
        raise RuntimeError(f"{path}: HTTP {response.status}, {len(body)} bytes")
    return len(body)


def main():
    host, port, workers, latency_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    paths = [f"/sites/{site}?latencyMs={latency_ms}" for site in ("jython", "dice")] * 80
    started = time.perf_counter()
    with multiprocessing.Pool(workers, initializer=open_connection, initargs=(host, port)) as pool:
        sizes = pool.map(download, paths)
    elapsed_ms = (time.perf_counter() - started) * 1000
    if len(sizes) != len(paths):
        raise RuntimeError(f"{len(sizes)} of {len(paths)} downloads")
    print(f"{elapsed_ms:.1f}")


if __name__ == "__main__":
    main()
