using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>One request body a user can send as is: the README's curl examples, shown in the API reference.</summary>
public sealed record RequestExample(string Path, string Name, string Json);

/// <summary>Adds each example to the JSON request body of the POST operation on its path.</summary>
internal static class RequestExamplesTransformer
{
    public static void AddRequestExamples(this OpenApiOptions options, IReadOnlyList<RequestExample> examples) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            var path = "/" + context.Description.RelativePath;
            if (context.Description.HttpMethod == "POST" && operation.RequestBody?.Content is { } content
                && content.TryGetValue("application/json", out var media))
            {
                foreach (var example in examples.Where(example => example.Path == path))
                {
                    media.Examples ??= new Dictionary<string, IOpenApiExample>();
                    media.Examples[example.Name] = new OpenApiExample { Summary = example.Name, Value = JsonNode.Parse(example.Json) };
                }
            }

            return Task.CompletedTask;
        });
}
