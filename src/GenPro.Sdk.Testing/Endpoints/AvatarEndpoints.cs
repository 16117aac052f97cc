using GenPro.Sdk.Testing.Core;
using GenPro.Sdk.Testing.State;
using static GenPro.Sdk.Testing.Endpoints.ParamReader;

namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>The four avatar endpoints. Called with the store's lock held. <c>agent_not_found</c> is 404 here.</summary>
internal static class AvatarEndpoints
{
    public const int PageSize = 20;

    public static FakeResponse List(EndpointContext c)
    {
        var (agent, _) = Find(c, write: false);

        // Rails casts a non-numeric cursor to 0: every avatar.
        var cursor = TryId(c.QueryValue("cursor"), out var after) ? after : 0;
        var page = c.Store.AvatarsOf(agent.Id).Where(a => a.Id > cursor).Take(PageSize).ToList();
        return FakeResponse.Json(200, w =>
        {
            w.WriteStartArray();
            foreach (var avatar in page)
            {
                w.WriteStartObject();
                w.WriteNumber("id", avatar.Id);
                w.WriteBoolean("is_primary", avatar.Record.IsPrimary);
                w.WriteString("url", avatar.UrlOn(c.ImageRoot).AbsoluteUri);
                w.WriteString("thumbnail_url", avatar.ThumbnailUrlOn(c.ImageRoot).AbsoluteUri);
                if (avatar.Record.DeGodAvatarId is { } deGod)
                {
                    w.WriteNumber("degod_avatar_id", deGod);
                }
                else
                {
                    w.WriteNull("degod_avatar_id");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    public static FakeResponse Upload(EndpointContext c)
    {
        var (agent, _) = Find(c, write: true);
        var items = c.Body.TryGetValue("agent_avatars_attributes", out var value) ? value : null;
        if (ParamReader.Items(items) is not { Count: > 0 })
        {
            throw new ApiError(422, "avatar_creation_failed", "agent_avatars_attributes is required");
        }

        var avatars = AvatarAttributes.Read(items, "avatar_creation_failed");
        AvatarAttributes.Store(c.Store, agent.Id, avatars, resetPrimary: false);
        return FakeResponse.Empty(200);
    }

    public static FakeResponse SetPrimary(EndpointContext c)
    {
        var (agent, _) = Find(c, write: true);
        if (!TryId(c.AvatarIds, out var id) || !c.Store.Avatars.TryGetValue(id, out var avatar) || avatar.Record.AgentId != agent.Id)
        {
            throw new ApiError(422, "avatar_update_failed", "Avatar not found");
        }

        c.Store.MakePrimary(avatar);
        return FakeResponse.Empty(200);
    }

    public static FakeResponse Delete(EndpointContext c)
    {
        var (agent, _) = Find(c, write: true);
        var ids = new List<long>();
        foreach (var segment in (c.AvatarIds ?? string.Empty).Split('_'))
        {
            // "7_x_9" names no resource: answered like an unknown route.
            ids.Add(TryId(segment, out var id) ? id : throw new ApiError(404, "not_found", "Not found"));
        }

        // Ids of avatars that do not exist (or belong to another agent) are ignored, as a Rails where(id:) would.
        c.Store.RemoveAvatars(agent.Id, ids);
        return FakeResponse.Empty(200);
    }

    /// <summary>
    /// The agent, visible to the caller, else 404 <c>agent_not_found</c> (these endpoints document no 403 for
    /// visibility); changing avatars needs the editor role or higher, else 403 <c>permission_denied</c>.
    /// </summary>
    private static (AgentEntity Agent, FakeWorkspaceRole Role) Find(EndpointContext c, bool write)
    {
        if (!TryId(c.AgentId, out var id) || c.Store.LiveAgent(id) is not { } agent || c.Store.RoleOn(agent, c.User.Id) is not { } role)
        {
            throw ApiError.AgentNotFound(404);
        }

        if (write && role < FakeWorkspaceRole.Editor)
        {
            throw ApiError.PermissionDenied();
        }

        return (agent, role);
    }
}
