namespace ConcurrencyLab.AppHost.Tests;

/// <summary>The bad-input corpus through the gateway: every answer a 4xx ProblemDetails, no 5xx, no internals.</summary>
[Collection(LabCollection.Name)]
public sealed class BadInputTests(LabAppFixture lab)
{
    [Fact]
    public async Task EveryMalformedRequestIsA4xxProblemAndEveryServiceStaysHealthy()
    {
        var corpus = BadInputCorpus.All();
        using var gateway = lab.CreateClient("gateway");
        var wrong = new List<string>();

        foreach (var request in corpus)
        {
            using var message = BadInputCorpus.ToMessage(request);
            using var response = await gateway.SendAsync(message, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            // Kestrel itself refuses a NUL in a path with an empty 400, before any middleware runs.
            var rejectedByServer = status == 400 && body.Length == 0 && request.Path.Contains("%00", StringComparison.Ordinal);
            var leaks = body.Contains("   at ", StringComparison.Ordinal) || body.Contains(".cs:line", StringComparison.Ordinal)
                || body.Contains("/work/", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal);
            if (status is < 400 or >= 500 || (!problem && !rejectedByServer) || leaks)
                wrong.Add($"{status} problem={problem} leaks={leaks} <= {request}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"bad-input corpus: {corpus.Count} requests, {wrong.Count} wrong answers");
        Assert.True(corpus.Count >= 200, $"the corpus has only {corpus.Count} requests");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {corpus.Count} answers were wrong:\n" + string.Join("\n", wrong));
        foreach (var service in LabAppFixture.Services)
        {
            using var client = lab.CreateClient(service);
            using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
            Assert.True(health.IsSuccessStatusCode, $"{service} is not healthy after the corpus");
        }
    }
}
