using System.Collections.ObjectModel;
using System.Text.Json;

namespace GenPro.Sdk.Serialization;

/// <summary>
/// What a model's <c>AdditionalProperties</c> returns when the JSON held no unknown field: one shared, read-only, empty
/// dictionary, so that a model allocates a dictionary only when there is something to put in it (most responses have
/// no unknown field: an eager empty dictionary per agent or avatar was about 80 bytes each, 0.8 MB of a 10,000-avatar listing).
/// </summary>
internal static class ExtensionDataBag
{
    public static readonly IDictionary<string, JsonElement> Empty = ReadOnlyDictionary<string, JsonElement>.Empty;
}
