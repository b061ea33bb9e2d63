using System.Text;
using System.Text.Json;
using ConcurrencyLab.Concurrency.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class JsonBodyTests
{
    public sealed class Sample
    {
        public string? Strategy { get; set; }
        public int? Workers { get; set; }
        public List<string>? Sites { get; set; }
    }

    [Fact]
    public async Task AValidBodyIsRead()
    {
        var result = await Read("""{"strategy":"threads","workers":5,"sites":["dice"]}""");

        Assert.Null(result.Problem);
        Assert.Equal("threads", result.Value!.Strategy);
        Assert.Equal(5, result.Value.Workers);
    }

    [Fact]
    public async Task AnEmptyBodyIsAnEmptyRequest()
    {
        var result = await Read("");

        Assert.Null(result.Problem);
        Assert.Null(result.Value!.Strategy);
    }

    [Theory]
    [InlineData("""{"workers":"five"}""", "workers", 400)]
    [InlineData("""{"workers":5.5}""", "workers", 400)]
    [InlineData("""{"workers":99999999999}""", "workers", 400)]
    [InlineData("""{"sites":"dice"}""", "sites", 400)]
    [InlineData("""{"sites":[1]}""", "sites[0]", 400)]
    [InlineData("""{"strategy":"threads","bogus":1}""", "bogus", 400)]
    [InlineData("""{"strategy":""", "strategy", 400)]
    [InlineData("""[1,2]""", "body", 400)]
    [InlineData("""null""", "body", 400)]
    public async Task AnInvalidBodyIsAProblemNamingTheField(string json, string field, int status)
    {
        var result = await Read(json);

        Assert.Null(result.Value);
        var (actualStatus, body) = await Execute(result.Problem!);
        Assert.Equal(status, actualStatus);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {body.RootElement}");
    }

    [Fact]
    public async Task ATooLargeBodyIsA413()
    {
        var result = await Read($$"""{"strategy":"{{new string('x', 2000)}}"}""", maxBytes: 1000);

        Assert.Equal(413, (await Execute(result.Problem!)).Status);
    }

    [Fact]
    public async Task AWrongContentTypeIsA415()
    {
        var result = await Read("""{"strategy":"threads"}""", contentType: "text/plain");

        Assert.Equal(415, (await Execute(result.Problem!)).Status);
    }

    private static async Task<BodyResult<Sample>> Read(string json, int maxBytes = 64 * 1024, string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = contentType;
        return await JsonBody.ReadAsync<Sample>(context.Request, maxBytes, TestContext.Current.CancellationToken);
    }

    private static async Task<(int Status, JsonDocument Body)> Execute(IResult result)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, JsonDocument.Parse(body.ToArray()));
    }
}
