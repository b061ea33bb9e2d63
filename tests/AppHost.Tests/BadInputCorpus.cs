using System.Text;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// Malformed requests for every endpoint of every service: invalid JSON, wrong types,
/// missing and extra fields, bad numbers, unknown strategies and sites, path tricks, URLs
/// that try to turn IoRunner into a proxy, oversized bodies, wrong content types and
/// methods. Each one is wrong by construction, so each must be answered with a 4xx.
/// </summary>
public static class BadInputCorpus
{
    public sealed record BadRequest(HttpMethod Method, string Path, string? Body, string ContentType = "application/json")
    {
        public override string ToString() => $"{Method} {Path} {(Body is { Length: > 80 } b ? b[..80] + "…" : Body)} [{ContentType}]";
    }

    public static IReadOnlyList<BadRequest> All()
    {
        var requests = new List<BadRequest>();
        string[] runEndpoints = ["/io/runs", "/io/compare", "/io/sweep", "/cpu/runs", "/cpu/compare", "/cpu/sweep", "/cpu/work"];
        string[] invalidJson = ["{", "}", "[", "{\"strategy\":}", "{'strategy':'threads'}", "{\"strategy\":\"threads\",}", "nul", "\"unterminated", "{\"a\":1}{", "[1,2,3]", "null", "42", "true", "\u0001"];
        foreach (var endpoint in runEndpoints)
        {
            foreach (var json in invalidJson)
                requests.Add(Post(endpoint, json));
            requests.Add(Post(endpoint, "{\"strategy\":\"threads\"}", "text/plain"));
            requests.Add(Post(endpoint, "<run strategy=\"threads\"/>", "application/xml"));
            requests.Add(Post(endpoint, "strategy=threads", "application/x-www-form-urlencoded"));
            requests.Add(Post(endpoint, "{\"strategy\":\"" + new string('x', 70_000) + "\"}"));
            requests.Add(Post(endpoint, "{\"unknownField\":1}"));
            requests.Add(new BadRequest(HttpMethod.Put, endpoint, "{}"));
            requests.Add(new BadRequest(HttpMethod.Patch, endpoint, "{}"));
        }

        // IO runs: every field wrong in every way.
        foreach (var (field, values) in new (string, string[])[]
        {
            ("strategy", ["\"fibers\"", "\"\"", "5", "null", "[\"threads\"]", "\"../threads\""]),
            ("workers", ["0", "-1", "513", "99999999999", "\"5\"", "5.5", "1e3", "true", "[]"]),
            ("maxConcurrency", ["0", "10001", "-3", "\"all\""]),
            ("repeat", ["0", "-1", "50001", "\"80\"", "1.5", "2147483648"]),
            ("timeoutMs", ["0", "-1", "600001", "\"fast\""]),
            ("sites", ["[]", "\"dice\"", "[1]", "[null]", "[\"nowhere\"]", "[\"http://127.0.0.1:5083/sites/dice\"]", "[\"file:///etc/passwd\"]",
                "[\"//example.com\"]", "[\"dice/../../stats\"]", "[\"dice?latencyMs=0\"]", "[\"dice#x\"]", "[\"127.0.0.1\"]", "[\"localhost:5083\"]",
                "[\"..\"]", "[\"%2e%2e\"]", "[\"stats\"]", "[\"" + new string('a', 500) + "\"]"]),
            ("latencyMs", ["-1", "120001", "\"slow\"", "1e400"]),
            ("jitterMs", ["-5", "\"x\""]),
            ("dist", ["\"gaussian\"", "1", "\"\"", "\"" + new string('g', 20_000) + "\""]),
            ("sizeBytes", ["-1", "16777217", "\"big\""]),
            ("bandwidthKBps", ["0", "-1", "\"fast\""]),
            ("failRate", ["-0.1", "1.01", "\"half\""]),
            ("failMode", ["\"explode\"", "0"]),
            ("failStatus", ["200", "600", "99", "\"503\""]),
            ("profile", ["\"moon\"", "1", "\"" + new string('m', 101) + "\""]),
            ("seed", ["\"abc\"", "1.5", "99999999999"]),
            ("clientPerWorker", ["\"yes\"", "2"]),
            ("tracing", ["\"all\"", "1", "\"\"", "[\"off\"]"]),
            ("rounds", ["2", "0", "11", "\"3\""]),
        })
        {
            foreach (var value in values)
                requests.Add(Post("/io/runs", $"{{\"strategy\":\"threads\",\"{field}\":{value}}}"));
        }

        requests.Add(Post("/io/runs", "{\"strategy\":\"threads\",\"maxConcurrency\":5}"));
        requests.Add(Post("/io/runs", "{\"strategy\":\"async\",\"repeat\":6000}"));
        requests.Add(Post("/io/runs", "{\"strategy\":\"threads\",\"workerCounts\":[5]}"));
        requests.Add(Post("/io/sweep", "{\"strategy\":\"threads\",\"workerCounts\":[0]}"));
        requests.Add(Post("/io/sweep", "{\"strategy\":\"threads\",\"workerCounts\":[]}"));
        requests.Add(Post("/io/sweep", "{\"strategy\":\"threads\",\"workerCounts\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21]}"));
        requests.Add(Post("/io/compare", "{\"strategy\":\"threads\"}"));
        requests.Add(Post("/io/compare", "{\"rounds\":11}"));
        requests.Add(Post("/io/runs", "{\"strategy\":\"async\",\"sites\":[\"dice\"],\"repeat\":2001,\"tracing\":\"full\"}"));
        requests.Add(Post("/cpu/sweep", "{\"strategy\":\"threads\",\"rounds\":0}"));
        requests.Add(Post("/io/runs?wait=perhaps", "{\"strategy\":\"sequential\"}"));

        // CPU runs.
        foreach (var (field, values) in new (string, string[])[]
        {
            ("strategy", ["\"fibers\"", "\"\"", "7", "null"]),
            ("workers", ["0", "-1", "257", "\"2\"", "2.5"]),
            ("start", ["-1", "10000000001", "9223372036854775807", "\"5000000\"", "5e6"]),
            ("count", ["0", "-1", "10001", "2147483648", "\"20\""]),
            ("switchIntervalMs", ["0", "-5", "1000.5", "1e308", "\"5\""]),
            ("tracing", ["\"everything\"", "0"]),
            ("rounds", ["3", "-1"]),
        })
        {
            foreach (var value in values)
                requests.Add(Post("/cpu/runs", $"{{\"strategy\":\"gil\",\"{field}\":{value}}}"));
        }

        requests.Add(Post("/cpu/runs", "{\"strategy\":\"processes\",\"workers\":17}"));
        requests.Add(Post("/cpu/runs", "{\"strategy\":\"threads\",\"start\":9999999999,\"count\":5}"));
        requests.Add(Post("/cpu/runs", "{\"strategy\":\"threads\",\"switchIntervalMs\":5}"));
        foreach (var n in new[] { "-1", "10000000001", "\"big\"", "1.5", "null", "[]", "{}" })
            requests.Add(Post("/cpu/work", $"{{\"n\":{n}}}"));
        requests.Add(Post("/cpu/work", "{}"));

        // Runs that do not exist, and ids that try to be something else.
        foreach (var id in new[] { "nope", "000000000000", new string('f', 300), "a%20b", "%00x" })
        {
            requests.Add(new BadRequest(HttpMethod.Get, $"/io/runs/{id}", null));
            requests.Add(new BadRequest(HttpMethod.Delete, $"/cpu/runs/{id}", null));
        }

        // SiteStub: unknown sites, path tricks, bad parameters.
        // ("..", "%2e%2e" would be resolved away by HttpClient before sending: see the io sites above.)
        foreach (var site in new[] { "nowhere", "dice.html", "dice%2F..%2F..%2Fetc", "DICE%20", new string('a', 300), "stats%2Freset", "-" })
            requests.Add(new BadRequest(HttpMethod.Get, $"/sites/{site}", null));
        foreach (var query in new[] { "latencyMs=abc", "latencyMs=-1", "latencyMs=120001", "latencyMs=1&latencyMs=2", "jitterMs=-1", "dist=gaussian",
                     "seed=1.5", "sizeBytes=-1", "sizeBytes=16777217", "bandwidthKBps=0", "failRate=2", "failRate=NaN", "failStatus=200",
                     "failMode=explode", "profile=moon", "latency=5", "latencyMs=", "sizeBytes=1e30" })
        {
            requests.Add(new BadRequest(HttpMethod.Get, $"/sites/dice?{query}", null));
            requests.Add(new BadRequest(HttpMethod.Get, $"/sites/dice/check?{query}", null));
        }

        requests.Add(new BadRequest(HttpMethod.Get, "/sites/nowhere/check", null));
        requests.Add(new BadRequest(HttpMethod.Post, "/sites/dice", "{}"));
        requests.Add(new BadRequest(HttpMethod.Delete, "/sites/stats", null));

        // IoRunner's probe and routes nobody serves.
        foreach (var site in new[] { "a%2Fb", "http:", new string('b', 100), "x%3Fy" })
            requests.Add(new BadRequest(HttpMethod.Get, $"/io/probe/{site}", null));
        foreach (var path in new[] { "/io", "/cpu", "/io/runs/x/y", "/cpu/strategies/x", "/nothing", "/sites/dice/extra" })
            requests.Add(new BadRequest(HttpMethod.Get, path, null));

        // Every read-only endpoint with a method it does not take.
        foreach (var path in new[] { "/", "/api", "/sites", "/sites/stats", "/io/strategies", "/cpu/strategies", "/io/instance", "/cpu/instance", "/io/probe/dice", "/io/runs/x" })
            requests.Add(new BadRequest(HttpMethod.Put, path, "{}"));
        requests.Add(new BadRequest(HttpMethod.Get, "/sites/stats/reset", null));
        // The page takes no form posts: a forged one (no antiforgery token) is refused.
        requests.Add(Post("/", "workers=0", "application/x-www-form-urlencoded"));
        requests.Add(new BadRequest(HttpMethod.Post, "/api", "{}"));
        requests.Add(new BadRequest(HttpMethod.Get, "/cpu/work", null));

        return requests;
    }

    private static BadRequest Post(string path, string body, string contentType = "application/json") => new(HttpMethod.Post, path, body, contentType);

    public static HttpRequestMessage ToMessage(BadRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Body is not null)
            message.Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType);
        return message;
    }
}
