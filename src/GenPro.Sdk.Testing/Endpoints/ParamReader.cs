using System.Globalization;

namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>Reads the parameter tree the way a Rails controller would: ids from numbers or numeric strings, booleans as ActiveModel casts them.</summary>
internal static class ParamReader
{
    public static bool Has(Dictionary<string, object?> hash, string key) => hash.ContainsKey(key);

    public static string? Text(Dictionary<string, object?> hash, string key) =>
        hash.TryGetValue(key, out var value) ? value as string : null;

    public static Dictionary<string, object?>? Hash(Dictionary<string, object?> hash, string key) =>
        hash.TryGetValue(key, out var value) ? value as Dictionary<string, object?> : null;

    /// <summary>A positive integer id written as digits (a JSON number arrives as its text).</summary>
    public static bool TryId(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    /// <summary>ActiveModel's boolean cast: blank is null, a few spellings of false are false, anything else is true.</summary>
    public static bool? Boolean(string? text) => string.IsNullOrEmpty(text)
        ? null
        : text is not ("0" or "f" or "F" or "false" or "FALSE" or "off" or "OFF");

    /// <summary>
    /// The items of a nested-attributes parameter: an array, or a hash keyed by index (<c>{"0": {…}, "1": {…}}</c>),
    /// which Rails accepts too. Null when the value is neither.
    /// </summary>
    public static List<object?>? Items(object? value) => value switch
    {
        List<object?> list => list,
        Dictionary<string, object?> hash => [.. hash.Values],
        _ => null,
    };
}
