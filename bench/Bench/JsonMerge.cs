using System.Text.Json;

namespace ConcurrencyLab.Bench;

public static class JsonMerge
{
    /// <summary>One JSON object from several anonymous objects; later ones win.</summary>
    public static Dictionary<string, object?> Of(params object[] parts)
    {
        var merged = new Dictionary<string, object?>();
        foreach (var part in parts)
        {
            foreach (var property in JsonSerializer.SerializeToElement(part).EnumerateObject())
                merged[property.Name] = property.Value;
        }

        return merged;
    }
}
