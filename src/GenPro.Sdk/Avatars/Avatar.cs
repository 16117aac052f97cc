using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk;

/// <summary>One avatar image of an agent, as <see cref="IAvatarsClient.ListAsync(long, AvatarListOptions?)"/> returns it.</summary>
public sealed record Avatar
{
    /// <summary>The avatar's id (read from a JSON number or a numeric string).</summary>
    [JsonRequired]
    public long Id { get; init; }

    /// <summary>Whether this is the agent's primary avatar; the API lists it first.</summary>
    public bool IsPrimary { get; init; }

    /// <summary>The full-size image.</summary>
    public Uri? Url { get; init; }

    /// <summary>The thumbnail image.</summary>
    public Uri? ThumbnailUrl { get; init; }

    /// <summary>The DeGod avatar this avatar was made from, or null for an uploaded image.</summary>
    [JsonPropertyName("degod_avatar_id")]
    public long? DeGodAvatarId { get; init; }

    /// <summary>Fields the API returned that this version of the SDK does not model.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Prints every property; extra fields by name (a record would print their dictionary's type name).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, IsPrimary = {IsPrimary}, Url = {Url}, ThumbnailUrl = {ThumbnailUrl}, DeGodAvatarId = {DeGodAvatarId}, ")
            .Append("AdditionalProperties = ").Append(ModelText.Keys(AdditionalProperties));
        return true;
    }
}
