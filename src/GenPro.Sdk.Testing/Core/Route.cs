using GenPro.Sdk.Testing.Endpoints;

namespace GenPro.Sdk.Testing.Core;

/// <summary>A matched route: the endpoint and the ids from the path.</summary>
internal sealed record Route(Func<EndpointContext, FakeResponse> Endpoint, string AgentId, string? AvatarIds, bool ReadsBody)
{
    /// <summary>
    /// Matches the nine documented routes by method and path (a trailing slash is ignored, as Rails does);
    /// anything else is null, which the core answers with 404 <c>not_found</c>.
    /// </summary>
    public static Route? Match(string method, string path)
    {
        var segments = path.TrimEnd('/').Split('/');
        if (segments.Length < 3 || segments[0].Length != 0 || segments[1] != "v1" || segments[2] != "agents"
            || segments.Any(s => s.Length == 0 && s != segments[0]))
        {
            return null;
        }

        return (segments.Length, method) switch
        {
            (3, "GET") => new(AgentEndpoints.List, string.Empty, null, false),
            (3, "POST") => new(AgentEndpoints.Create, string.Empty, null, true),
            (4, "GET") => new(AgentEndpoints.Get, segments[3], null, false),
            (4, "PATCH") => new(AgentEndpoints.Update, segments[3], null, true),
            (4, "DELETE") => new(AgentEndpoints.Delete, segments[3], null, false),
            (5, "GET") when segments[4] == "avatars" => new(AvatarEndpoints.List, segments[3], null, false),
            (5, "POST") when segments[4] == "avatars" => new(AvatarEndpoints.Upload, segments[3], null, true),
            (6, "PATCH") when segments[4] == "avatars" => new(AvatarEndpoints.SetPrimary, segments[3], segments[5], false),
            (6, "DELETE") when segments[4] == "avatars" => new(AvatarEndpoints.Delete, segments[3], segments[5], false),
            _ => null,
        };
    }
}
