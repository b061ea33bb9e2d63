using System.Text.Json;

namespace ConcurrencyLab.Gateway.Lab.Client;

/// <summary>A runner's ProblemDetails answer, as the page shows it: one line per field.</summary>
public sealed record ApiProblem(int Status, string Title, IReadOnlyList<string> Messages)
{
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            using var body = await JsonDocument.ParseAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = body.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() ?? "" : response.ReasonPhrase ?? "";
            List<string> messages = [];
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                    messages.AddRange(field.Value.EnumerateArray().Select(message => $"{field.Name}: {message.GetString()}"));
            }
            else if (root.TryGetProperty("detail", out var detail) && detail.GetString() is { } text)
            {
                messages.Add(text);
            }

            return new ApiProblem(status, title, messages);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Not a ProblemDetails (a proxy's error page, an unexpected shape): the status says enough.
            return new ApiProblem(status, response.ReasonPhrase ?? "Error", []);
        }
    }

    /// <summary>When the runner could not be reached at all.</summary>
    public static ApiProblem Unreachable(string runner, Exception error) =>
        new(0, $"{runner} did not answer", [error.Message]);
}

/// <summary>Either what a runner answered or the problem it reported.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem) where T : class
{
    public static ApiResult<T> Ok(T value) => new(value, null);

    public static ApiResult<T> Failed(ApiProblem problem) => new(null, problem);
}
