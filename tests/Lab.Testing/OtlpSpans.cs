using System.Text;

namespace ConcurrencyLab.Testing;

/// <summary>One span as an OTLP collector received it; Instance is its process's service.instance.id (a replica's).</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string? ParentSpanId, string Name, string? Instance = null);

/// <summary>
/// Reads the spans out of an OTLP/HTTP ExportTraceServiceRequest (protobuf), by hand:
/// the few fields a test needs (service.name, service.instance.id, ids, name), every other field skipped.
/// </summary>
public static class OtlpSpans
{
    // Field numbers from opentelemetry-proto: trace/v1/trace.proto and common/v1/common.proto.
    private const int ResourceSpans = 1, Resource = 1, ScopeSpans = 2, Attributes = 1, Spans = 2;
    private const int TraceIdField = 1, SpanIdField = 2, ParentSpanIdField = 4, NameField = 5;
    private const int KeyField = 1, ValueField = 2, StringValueField = 1;

    public static List<ReceivedSpan> Read(ReadOnlySpan<byte> request)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in Fields(request, ResourceSpans))
        {
            var service = "";
            string? instance = null;
            foreach (var resource in Fields(resourceSpans, Resource))
            {
                foreach (var attribute in Fields(resource, Attributes))
                {
                    var value = Text(First(First(attribute, ValueField), StringValueField));
                    switch (Text(First(attribute, KeyField)))
                    {
                        case "service.name":
                            service = value;
                            break;
                        case "service.instance.id":
                            instance = value;
                            break;
                    }
                }
            }

            foreach (var scopeSpans in Fields(resourceSpans, ScopeSpans))
            {
                foreach (var span in Fields(scopeSpans, Spans))
                {
                    var parent = First(span, ParentSpanIdField);
                    spans.Add(new ReceivedSpan(service, Hex(First(span, TraceIdField)), Hex(First(span, SpanIdField)),
                        parent.Length == 0 ? null : Hex(parent), Text(First(span, NameField)), instance));
                }
            }
        }

        return spans;
    }

    private static ReadOnlySpan<byte> First(ReadOnlySpan<byte> message, int field)
    {
        foreach (var value in Fields(message, field))
            return value;
        return [];
    }

    // The length-delimited values of one field, in order.
    private static List<byte[]> Fields(ReadOnlySpan<byte> message, int field)
    {
        var values = new List<byte[]>();
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var wireType = (int)(key & 7);
            switch (wireType)
            {
                case 0:
                    Varint(message, ref at);
                    break;
                case 1:
                    at += 8;
                    break;
                case 5:
                    at += 4;
                    break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    if ((int)(key >> 3) == field)
                        values.Add(message.Slice(at, length).ToArray());
                    at += length;
                    break;
                default:
                    throw new InvalidDataException($"Unknown protobuf wire type {wireType}.");
            }
        }

        return values;
    }

    private static ulong Varint(ReadOnlySpan<byte> message, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var next = message[at++];
            value |= (ulong)(next & 0x7f) << shift;
            if (next < 0x80)
                return value;
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
