using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GenPro.Sdk.Bodies;

/// <summary>
/// Writes <see cref="BodyField"/>s as a JSON object, nesting them as their places say, with the serializer's own
/// escaping and number format. The bytes are written up front: bodies are small, a <c>Content-Length</c> beats chunked
/// encoding, and a retry can send the same bytes again.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body; fields of one parent, nested object or item must follow each other, as the description lists them.</summary>
    public static HttpContent Write(IReadOnlyList<BodyField> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var at = default(BodyField);
            foreach (var field in fields)
            {
                Move(writer, at, field);
                WriteValue(writer, field);
                at = field;
            }

            Move(writer, at, default);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Closes the objects and list <paramref name="from"/> sits in that <paramref name="to"/> does not, and opens those it needs.</summary>
    private static void Move(Utf8JsonWriter writer, BodyField from, BodyField to)
    {
        var parentChanges = from.Parent != to.Parent;
        var nestedChanges = parentChanges || from.Nested != to.Nested;
        var itemChanges = nestedChanges || from.Item != to.Item;
        if (from.Item is not null && itemChanges)
        {
            writer.WriteEndObject();
        }

        if (from.Nested is not null && nestedChanges)
        {
            if (from.Item is not null)
            {
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteEndObject();
            }
        }

        if (from.Parent is not null && parentChanges)
        {
            writer.WriteEndObject();
        }

        if (to.Parent is not null && parentChanges)
        {
            writer.WriteStartObject(to.Parent);
        }

        if (to.Nested is not null && nestedChanges)
        {
            if (to.Item is not null)
            {
                writer.WriteStartArray(to.Nested);
            }
            else
            {
                writer.WriteStartObject(to.Nested);
            }
        }

        if (to.Item is not null && itemChanges)
        {
            writer.WriteStartObject();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, BodyField field)
    {
        switch (field.Value)
        {
            case string text:
                writer.WriteString(field.Name, text);
                break;
            case long number:
                writer.WriteNumber(field.Name, number);
                break;
            case bool flag:
                writer.WriteBoolean(field.Name, flag);
                break;
            default:
                throw new InvalidOperationException($"A JSON body cannot hold a {field.Value.GetType().Name}: files travel as multipart.");
        }
    }
}
