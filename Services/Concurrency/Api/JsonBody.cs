using System.Text.Json;
using System.Text.Json.Serialization;
using ConcurrencyLab.Contracts;
using Microsoft.AspNetCore.Http;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>
/// Reads a JSON request body into T with limits, and turns every way it can be wrong
/// (too large, not JSON, wrong type, unknown field) into a ProblemDetails that names the
/// field, instead of the framework's generic 400 or a 500.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public static async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class, new()
    {
        if (request.ContentLength is { } declared && declared > maxBytes)
            return TooLarge<T>(maxBytes);
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Body.CanRead))
            return new BodyResult<T>(new T(), null);
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new BodyResult<T>(null, TypedResults.Problem(
                title: "Unsupported content type",
                detail: $"Send the request body as application/json; got '{ProblemText.Quote(type, 60)}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return TooLarge<T>(maxBytes);
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
            return new BodyResult<T>(new T(), null);
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null
                ? new BodyResult<T>(null, Problems.Field("body", "The body must be a JSON object, not null."))
                : new BodyResult<T>(value, null);
        }
        catch (JsonException error)
        {
            return new BodyResult<T>(null, Describe(error));
        }
    }

    private static IResult Describe(JsonException error)
    {
        var path = error.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";
        if (error.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return Problems.Field(path, $"'{path}' is not a field of this request.");
        if (error.Path is null or "$" || error.LineNumber is null)
            return Problems.Field("body", "The body is not valid JSON.");
        return Problems.Field(path, $"'{path}' has a value of the wrong type, or the JSON around it is malformed.");
    }

    private static BodyResult<T> TooLarge<T>(int maxBytes) where T : class =>
        new(null, TypedResults.Problem(
            title: "Request body too large",
            detail: $"The body may be at most {maxBytes:N0} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge));

}

public sealed record BodyResult<T>(T? Value, IResult? Problem) where T : class;
