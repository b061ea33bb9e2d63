using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>The README's curl examples send bodies the services' OpenAPI documents describe: every field is in the schema of the endpoint it goes to.</summary>
[Collection(LabCollection.Name)]
public sealed partial class ReadmeBodiesTests(LabAppFixture lab)
{
    [Fact]
    public async Task EveryCurlBodyInTheReadmeFitsItsEndpointsSchema()
    {
        using var gateway = new HttpClient { BaseAddress = lab.App.GetEndpoint("gateway", "http") };
        var documents = new Dictionary<string, JsonElement>();
        foreach (var prefix in new[] { "io", "cpu" })
            documents[prefix] = await gateway.GetFromJsonAsync<JsonElement>($"/{prefix}/openapi/v1.json", TestContext.Current.CancellationToken);

        var examples = CurlBodies(await File.ReadAllTextAsync(Readme(), TestContext.Current.CancellationToken)).ToList();

        Assert.True(examples.Count >= 8, $"only {examples.Count} curl bodies found in the README");
        Assert.All(examples, example =>
        {
            var document = documents[example.Path.Split('/')[1]];
            var operation = document.GetProperty("paths").GetProperty(example.Path).GetProperty("post");
            var reference = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var properties = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.Split('/')[^1]).GetProperty("properties");
            using var body = JsonDocument.Parse(example.Body);
            foreach (var field in body.RootElement.EnumerateObject())
                Assert.True(properties.TryGetProperty(field.Name, out _), $"{example.Path}: '{field.Name}' is not in its schema ({example.Body})");
        });
    }

    [Fact]
    public async Task TheApiReferenceShowsExactlyTheReadmesBodiesAsExamples()
    {
        using var gateway = new HttpClient { BaseAddress = lab.App.GetEndpoint("gateway", "http") };
        var readme = CurlBodies(await File.ReadAllTextAsync(Readme(), TestContext.Current.CancellationToken)).ToList();
        var documented = new List<(string Path, string Body)>();
        foreach (var prefix in new[] { "io", "cpu" })
        {
            var document = await gateway.GetFromJsonAsync<JsonElement>($"/{prefix}/openapi/v1.json", TestContext.Current.CancellationToken);
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                if (path.Value.TryGetProperty("post", out var post) && post.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").GetProperty("application/json").TryGetProperty("examples", out var examples))
                    documented.AddRange(examples.EnumerateObject().Select(example => (path.Name, example.Value.GetProperty("value").GetRawText())));
            }
        }

        Assert.Equal(Canonical(readme), Canonical(documented));
    }

    // "path body" with the body's JSON re-serialised, so spacing does not count; sorted and distinct.
    private static List<string> Canonical(IEnumerable<(string Path, string Body)> bodies) =>
        bodies.Select(pair => $"{pair.Path} {JsonNode.Parse(pair.Body)!.ToJsonString()}").Distinct().Order(StringComparer.Ordinal).ToList();

    // Each curl command (its continuation lines joined) that posts a JSON body to /io or /cpu.
    private static IEnumerable<(string Path, string Body)> CurlBodies(string readme)
    {
        foreach (Match command in CurlCommand().Matches(readme.Replace("\\\n", " ")))
        {
            var path = PathOf().Match(command.Value);
            var body = BodyOf().Match(command.Value);
            if (path.Success && body.Success)
                yield return (path.Groups[1].Value, body.Groups[1].Value);
        }
    }

    private static string Readme()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Aspire.sln")))
                return Path.Combine(folder.FullName, "README.md");
        }

        throw new FileNotFoundException("README.md: no Aspire.sln above the test's folder.");
    }

    [GeneratedRegex(@"curl [^\n]*")]
    private static partial Regex CurlCommand();

    [GeneratedRegex(@"localhost:5080(/(?:io|cpu)/[a-z]+)")]
    private static partial Regex PathOf();

    [GeneratedRegex(@"-d '(\{[^']*\})'")]
    private static partial Regex BodyOf();
}
