using ConcurrencyLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.SiteStub.Tests;

/// <summary>MaxConcurrent: requests beyond it wait in arrival order, and the wait is reported.</summary>
public sealed class SiteQueueTests
{
    [Fact]
    public async Task RequestsBeyondMaxConcurrentWaitTheirTurnInArrivalOrder()
    {
        var time = new CountingFakeTime();
        await using var server = await SiteStubServer.StartAsync(options => options.MaxConcurrent = 2, time);
        var cancel = TestContext.Current.CancellationToken;
        var gate = server.Services.GetRequiredService<FifoGate>();

        // Six requests arrive one after another; two are served at once, for 100 ms each.
        var requests = new List<Task<HttpResponseMessage>>();
        for (var i = 1; i <= 6; i++)
        {
            requests.Add(server.Client.GetAsync("/sites/dice?latencyMs=100", cancel));
            // Wait until it holds a place (its latency timer exists) or stands in line.
            if (i <= 2)
                await time.WaitForTimersAsync(i, TestContext.Current.CancellationToken);
            else
                await server.WaitUntilAsync(_ => gate.Waiting == i - 2);
        }

        for (var round = 1; round <= 3; round++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            var served = 2 * round;
            await server.WaitUntilAsync(stats => stats.Total.Served == served);
            if (round < 3)
                await time.WaitForTimersAsync(2 * (round + 1), TestContext.Current.CancellationToken);
        }

        var queueWaits = new List<string>();
        foreach (var request in requests)
        {
            using var response = await request;
            queueWaits.Add(response.Headers.GetValues("Server-Timing").Single().Split(',')[0]);
        }

        Assert.Equal(["queue;dur=0", "queue;dur=0", "queue;dur=100", "queue;dur=100", "queue;dur=200", "queue;dur=200"], queueWaits);
        var total = server.Stats.Snapshot().Total;
        Assert.Equal(6, total.PeakInFlight);
        Assert.Equal(4, total.Queued);
        Assert.Equal(200, total.QueueWaitMsMax);
        Assert.Equal(600, total.QueueWaitMsTotal);
    }

    [Fact]
    public async Task WithoutALimitNoRequestWaits()
    {
        var time = new CountingFakeTime();
        await using var server = await SiteStubServer.StartAsync(time: time);
        var cancel = TestContext.Current.CancellationToken;

        var requests = Enumerable.Range(0, 20).Select(_ => server.Client.GetAsync("/sites/dice?latencyMs=100", cancel)).ToList();
        await time.WaitForTimersAsync(20, TestContext.Current.CancellationToken);
        var all = Task.WhenAll(requests);
        await time.AdvanceUntilAsync(all, TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        var responses = await all;

        Assert.All(responses, response => Assert.Equal("queue;dur=0, latency;dur=100", response.Headers.GetValues("Server-Timing").Single()));
        Assert.Equal(20, server.Stats.Snapshot().Total.PeakInFlight);
        Assert.Equal(0, server.Stats.Snapshot().Total.Queued);
        foreach (var response in responses)
            response.Dispose();
    }
}
