using System.Globalization;
using System.Text;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk.Avatars;

/// <summary>Checks and joins the ids of a bulk delete (<c>7_8_9</c>), refusing what would fail or misfire on the server.</summary>
internal static class AvatarIds
{
    /// <summary>Longer URLs are cut or refused by some proxies and servers; a delete is one request, never split.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>
    /// How long the joined ids may be for the delete URL of <paramref name="agentId"/> under <paramref name="baseAddress"/>
    /// (without its final <c>/</c>) to stay within <see cref="MaxUrlLength"/>: the URL is <see cref="IAvatarsApi.AvatarRoute"/>
    /// under the base address.
    /// </summary>
    public static int MaxJoinedLength(string baseAddress, long agentId) =>
        MaxUrlLength - baseAddress.Length
        - IAvatarsApi.AvatarRoute.Replace("{agentId}", agentId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{avatarIds}", "", StringComparison.Ordinal).Length;

    public static string Join(IEnumerable<long> avatarIds, int maxLength, string paramName)
    {
        ArgumentNullException.ThrowIfNull(avatarIds, paramName);
        var seen = new HashSet<long>();
        var joined = new StringBuilder();
        foreach (var id in avatarIds)
        {
            Guard.Id(id, paramName);
            if (!seen.Add(id))
            {
                throw new ArgumentException($"Avatar id {id} is listed twice.", paramName);
            }

            if (joined.Length > 0)
            {
                joined.Append('_');
            }

            joined.Append(id.ToString(CultureInfo.InvariantCulture));
            if (joined.Length > maxLength)
            {
                throw new ArgumentException(
                    $"Too many avatar ids for one request: the URL would exceed {MaxUrlLength} characters. Delete them in smaller batches.",
                    paramName);
            }
        }

        return joined.Length > 0 ? joined.ToString() : throw new ArgumentException("At least one avatar id is required.", paramName);
    }
}
