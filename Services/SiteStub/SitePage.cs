using System.Text;

namespace ConcurrencyLab.SiteStub;

/// <summary>
/// A site's page, built once at start. A body of any size is the page's head, then its
/// filler text repeated or cut to length, then its tail: the same site and size always
/// give the same bytes, and no request builds anything.
/// </summary>
public sealed class SitePage
{
    private const int FillerBytes = 64 * 1024;

    private static readonly string[] Words =
    [
        "python", "java", "thread", "lock", "queue", "socket", "download", "server", "latency",
        "interpreter", "module", "bytecode", "class", "object", "import", "session", "request",
        "response", "page", "event", "loop", "process", "pool", "core", "wait", "overlap",
    ];

    private readonly byte[] _head;
    private readonly byte[] _filler;
    private readonly byte[] _tail;

    public SitePage(string name, string title)
    {
        Name = name;
        var heading = string.IsNullOrWhiteSpace(title) ? name : title;
        _head = Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>{heading}</title></head>\n<body>\n<h1>{heading}</h1>\n");
        _tail = Encoding.UTF8.GetBytes("</body>\n</html>\n");
        _filler = BuildFiller(name);
    }

    public string Name { get; }

    /// <summary>The body of exactly sizeBytes bytes, as slices of the prebuilt buffers.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments(long sizeBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        var frame = _head.Length + _tail.Length;
        if (sizeBytes < frame)
        {
            // Too small for the frame: the first bytes of head and tail.
            var fromHead = (int)Math.Min(sizeBytes, _head.Length);
            if (fromHead > 0)
                yield return _head.AsMemory(0, fromHead);
            var fromTail = (int)sizeBytes - fromHead;
            if (fromTail > 0)
                yield return _tail.AsMemory(0, fromTail);
            yield break;
        }

        yield return _head;
        for (var left = sizeBytes - frame; left > 0;)
        {
            var take = (int)Math.Min(left, _filler.Length);
            yield return _filler.AsMemory(0, take);
            left -= take;
        }

        yield return _tail;
    }

    // Paragraphs of words drawn by a Random seeded from the site's name: the same text
    // on every start, different for each site.
    private static byte[] BuildFiller(string name)
    {
        var random = new Random(StableSeed(name));
        var text = new StringBuilder(FillerBytes + 256);
        while (text.Length < FillerBytes)
        {
            text.Append("<p>");
            var words = random.Next(12, 40);
            for (var i = 0; i < words; i++)
            {
                if (i > 0)
                    text.Append(' ');
                text.Append(Words[random.Next(Words.Length)]);
            }

            text.Append(".</p>\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, FillerBytes));
    }

    // FNV-1a: string.GetHashCode differs on every start.
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text.ToLowerInvariant())
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }
}
