using System.Text.Json;

namespace GenPro.Sdk.Internal;

/// <summary>
/// How response models print what a record's default <c>ToString</c> would show as a type name
/// (<c>System.Collections.Generic.Dictionary`2[…]</c>): extra fields by name only (their values are the server's and
/// may be large), lists by count.
/// </summary>
internal static class ModelText
{
    public static string Keys<TValue>(IEnumerable<KeyValuePair<string, TValue>>? properties) =>
        properties is null ? "[]" : "[" + string.Join(", ", properties.Select(static p => p.Key)) + "]";

    public static string Count(IReadOnlyList<JsonElement>? items) =>
        items is null ? string.Empty : items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " items";
}
