using System.Text.Json;

namespace GenPro.Sdk.Bodies;

/// <summary>
/// Writes <see cref="BodyField"/>s as a JSON object, nesting them as their places say, with the serializer's own
/// escaping and number format (<see cref="Serialization.AgentBodyConverter"/> calls it when Refit's serializer writes an
/// agent body).
/// </summary>
internal static class JsonBody
{
    /// <summary>The object; fields of one parent, nested object or item must follow each other, as the description lists them.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<BodyField> fields)
    {
        writer.WriteStartObject();
        var at = default(BodyField);
        for (var i = 0; i < fields.Count; i++) // by index: a foreach over the interface would box the list's enumerator
        {
            var field = fields[i];
            Move(writer, at, field);
            WriteValue(writer, field);
            at = field;
        }

        Move(writer, at, default);
        writer.WriteEndObject();
    }

    /// <summary>Closes the objects and list <paramref name="from"/> sits in that <paramref name="to"/> does not, and opens those it needs.</summary>
    private static void Move(Utf8JsonWriter writer, BodyField from, BodyField to)
    {
        var (fromParent, fromNested, fromItem) = (from.Place?.Parent, from.Place?.Nested, from.Place?.Item);
        var (toParent, toNested, toItem) = (to.Place?.Parent, to.Place?.Nested, to.Place?.Item);
        var parentChanges = fromParent != toParent;
        var nestedChanges = parentChanges || fromNested != toNested;
        var itemChanges = nestedChanges || fromItem != toItem;
        if (fromItem is not null && itemChanges)
        {
            writer.WriteEndObject();
        }

        if (fromNested is not null && nestedChanges)
        {
            if (fromItem is not null)
            {
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteEndObject();
            }
        }

        if (fromParent is not null && parentChanges)
        {
            writer.WriteEndObject();
        }

        if (toParent is not null && parentChanges)
        {
            writer.WriteStartObject(toParent);
        }

        if (toNested is not null && nestedChanges)
        {
            if (toItem is not null)
            {
                writer.WriteStartArray(toNested);
            }
            else
            {
                writer.WriteStartObject(toNested);
            }
        }

        if (toItem is not null && itemChanges)
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
