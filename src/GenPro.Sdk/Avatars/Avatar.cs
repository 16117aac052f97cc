using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk;

/// <summary>One avatar image of an agent, as <see cref="IAvatarsClient.ListAsync(long, AvatarListOptions?)"/> returns it.</summary>
/// <remarks>
/// JSON reads and writes the internal fields, not the init-only properties: the source generator can set init-only
/// properties only through its constructor path, which boxes every value and allocates an argument array per object
/// (about 100 bytes per avatar; see docs/performance.md). The properties are the public face of the same fields.
/// Each field is named as its property in lower camel case, and must stay so: .NET 8's source generator still
/// treats the ignored init-only properties as constructor arguments and binds each one to the member whose C# name
/// matches it ignoring case (so on .NET 8 these models still take the constructor path; the .NET 10 generator skips ignored properties).
/// </remarks>
[SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "The fields are internal; .NET 8 binds them to the properties by name ignoring case (remarks).")]
public sealed record Avatar
{
    [JsonInclude, JsonPropertyName("id")]
    internal long id;

    [JsonInclude, JsonPropertyName("is_primary")]
    internal bool isPrimary;

    [JsonInclude, JsonPropertyName("url")]
    internal ModelUrl? url;

    private UrlCache urlParsed;

    [JsonInclude, JsonPropertyName("thumbnail_url")]
    internal ModelUrl? thumbnailUrl;

    private UrlCache thumbnailUrlParsed;

    [JsonInclude, JsonPropertyName("degod_avatar_id")]
    internal long? deGodAvatarId;

    /// <summary>The avatar's id (read from a JSON number or a numeric string).</summary>
    [JsonIgnore]
    public long Id { get => id; init => id = value; }

    /// <summary>Whether this is the agent's primary avatar; the API lists it first.</summary>
    [JsonIgnore]
    public bool IsPrimary { get => isPrimary; init => isPrimary = value; }

    /// <summary>The full-size image.</summary>
    [JsonIgnore]
    public Uri? Url { get => urlParsed.Get(url); init => url = urlParsed.Set(value); }

    /// <summary>The thumbnail image.</summary>
    [JsonIgnore]
    public Uri? ThumbnailUrl { get => thumbnailUrlParsed.Get(thumbnailUrl); init => thumbnailUrl = thumbnailUrlParsed.Set(value); }

    /// <summary>The DeGod avatar this avatar was made from, or null for an uploaded image.</summary>
    // Named as its field: .NET 8 refuses two names for one constructor argument (remarks).
    [JsonIgnore, JsonPropertyName("degod_avatar_id")]
    public long? DeGodAvatarId { get => deGodAvatarId; init => deGodAvatarId = value; }

    /// <summary>Fields the API returned that this version of the SDK does not model.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonElement> AdditionalProperties
    {
        get => ExtensionData ?? ExtensionDataBag.Empty;
        internal set => ExtensionData = value;
    }

    /// <summary>What <see cref="AdditionalProperties"/> reads: null until the JSON holds a field the SDK does not model.</summary>
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Prints every property; extra fields by name (a record would print their dictionary's type name).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, IsPrimary = {IsPrimary}, Url = {Url}, ThumbnailUrl = {ThumbnailUrl}, DeGodAvatarId = {DeGodAvatarId}, ")
            .Append("AdditionalProperties = ").Append(ModelText.Keys(AdditionalProperties));
        return true;
    }
}
