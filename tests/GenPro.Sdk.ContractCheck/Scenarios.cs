using System.Globalization;
using System.Net;

namespace GenPro.Sdk.ContractCheck;

/// <summary>
/// Every endpoint's success answers and every documented error (the reference page's lists, plus the statuses the
/// fake settles where the vendor's documents are silent: see the Testing README), in an order where each step's
/// state is there: voices are chosen before agents are read, agents are deleted last.
/// </summary>
internal static class Scenarios
{
    public const string ListAgents = "GET /agents";
    public const string CreateAgent = "POST /agents";
    public const string GetAgent = "GET /agents/{agent_id}";
    public const string UpdateAgent = "PATCH /agents/{agent_id}";
    public const string DeleteAgent = "DELETE /agents/{agent_id}";
    public const string ListAvatars = "GET /agents/{agent_id}/avatars";
    public const string UploadAvatars = "POST /agents/{agent_id}/avatars";
    public const string SetPrimary = "PATCH /agents/{agent_id}/avatars/{id}";
    public const string DeleteAvatars = "DELETE /agents/{agent_id}/avatars/{id}";

    private const long Missing = 999_999;

    /// <summary>What the run must have produced at least once: (endpoint, status, error_code).</summary>
    public static IEnumerable<(string Endpoint, int Status, string? ErrorCode)> Documented =>
    [
        (ListAgents, 200, null), (ListAgents, 401, "unauthorized"),
        (CreateAgent, 201, null), (CreateAgent, 401, "unauthorized"), (CreateAgent, 403, "permission_denied"),
        (CreateAgent, 422, "agent_creation_failed"), (CreateAgent, 422, "organization_not_found"), (CreateAgent, 422, "invalid_api_key"),
        (GetAgent, 200, null), (GetAgent, 401, "unauthorized"), (GetAgent, 403, "permission_denied"), (GetAgent, 422, "agent_not_found"),
        (UpdateAgent, 200, null), (UpdateAgent, 401, "unauthorized"), (UpdateAgent, 403, "permission_denied"),
        (UpdateAgent, 404, "user_voice_resource_not_found"), (UpdateAgent, 422, "agent_not_found"), (UpdateAgent, 422, "validation_error"),
        (UpdateAgent, 422, "agent_update_failed"), (UpdateAgent, 422, "invalid_api_key"), (UpdateAgent, 422, "voice_id_required"),
        (DeleteAgent, 200, null), (DeleteAgent, 401, "unauthorized"), (DeleteAgent, 403, "forbidden"), (DeleteAgent, 422, "agent_not_found"),
        (ListAvatars, 200, null), (ListAvatars, 401, "unauthorized"), (ListAvatars, 404, "agent_not_found"),
        (UploadAvatars, 200, null), (UploadAvatars, 401, "unauthorized"), (UploadAvatars, 403, "permission_denied"),
        (UploadAvatars, 404, "agent_not_found"), (UploadAvatars, 422, "avatar_creation_failed"),
        (SetPrimary, 200, null), (SetPrimary, 401, "unauthorized"), (SetPrimary, 403, "permission_denied"),
        (SetPrimary, 404, "agent_not_found"), (SetPrimary, 422, "avatar_update_failed"),
        (DeleteAvatars, 200, null), (DeleteAvatars, 401, "unauthorized"), (DeleteAvatars, 403, "permission_denied"),
        (DeleteAvatars, 404, "agent_not_found"), (DeleteAvatars, 404, "not_found"),
        .. Endpoints.SelectMany(e => new (string, int, string?)[] { (e, 429, "rate_limited"), (e, 503, null) }),
    ];

    private static string[] Endpoints =>
        [ListAgents, CreateAgent, GetAgent, UpdateAgent, DeleteAgent, ListAvatars, UploadAvatars, SetPrimary, DeleteAvatars];

    public static async Task RunAsync(ContractRun run, World world, HttpClient images)
    {
        var fake = world.Fake;
        var trendBot = Id(world.TrendBot);
        var bare = Id(world.Bare);
        var personal = Id(world.Personal);
        var json = ContractRun.Json;

        // Voices first, so list and get describe all three kinds: a seeded ElevenLabs voice, an unseeded Hume AI voice,
        // a voice resource seeded with a name only.
        await run.ExpectAsync(UpdateAgent, $"agents/{trendBot}", 200, body: json("""{"agent":{"default_user_voice_attributes":{"source":"eleven_labs","voice_id":"voice_abc123"}}}"""));
        await run.ExpectAsync(UpdateAgent, $"agents/{bare}", 200, apiKey: World.Carol, body: json("""{"agent":{"description":"Bare bones","default_user_voice_attributes":{"source":"hume_ai","voice_id":"hume-unseeded"}}}"""));
        await run.ExpectAsync(UpdateAgent, $"agents/{personal}", 200, body: json($$$$"""{"agent":{"default_user_voice_attributes":{"source":"user_voice_resource","voice_id":"{{{{world.VoiceResource.Id}}}}"}}}"""));

        // List agents
        await run.ExpectAsync(ListAgents, "agents", 200);
        await run.ExpectAsync(ListAgents, $"agents?workspace_id={world.Company.Id}", 200, apiKey: World.Bob);
        await run.ExpectAsync(ListAgents, "agents", 401, "unauthorized", apiKey: World.Unknown);

        // Get agent: a workspace agent, with the organization UUID, a personal one (organization_id null), as an editor.
        await run.ExpectAsync(GetAgent, $"agents/{trendBot}", 200);
        await run.ExpectAsync(GetAgent, $"agents/{trendBot}?with_organization_uuid=true", 200);
        await run.ExpectAsync(GetAgent, $"agents/{bare}", 200, apiKey: World.Carol);
        await run.ExpectAsync(GetAgent, $"agents/{personal}?with_organization_uuid=true", 200);
        await run.ExpectAsync(GetAgent, $"agents/{trendBot}", 401, "unauthorized", apiKey: World.Unknown);
        await run.ExpectAsync(GetAgent, $"agents/{trendBot}", 403, "permission_denied", apiKey: World.Eve);
        await run.ExpectAsync(GetAgent, $"agents/{Missing}", 422, "agent_not_found");

        // Create agent: JSON in a workspace, personal, and multipart with an image and a DeGod avatar.
        await run.ExpectAsync(CreateAgent, "agents", 201, body: json($$$$"""{"organization_id":{{{{world.Company.Id}}}},"agent":{"name":"ProductReviewer","description":"Reviews trending products","time_zone":"America/Los_Angeles"}}"""));
        await run.ExpectAsync(CreateAgent, "agents", 201, body: json("""{"agent":{"name":"Scratchpad"}}"""));
        var before = fake.Avatars.Count;
        await run.ExpectAsync(CreateAgent, "agents", 201, body: ContractRun.Form(
            ("organization_id", world.Company.Id), ("agent[name]", "Pictured"), ("agent[time_zone]", "UTC"),
            ("agent[agent_avatars_attributes][0][file]", World.AsciiWebp), ("agent[agent_avatars_attributes][1][degod_avatar_id]", 8)));
        await CheckUploadArrivedIntactAsync(run, fake, images, before, expectedNew: 2);
        await run.ExpectAsync(CreateAgent, "agents", 401, "unauthorized", apiKey: World.Unknown, body: json("""{"agent":{"name":"X"}}"""));
        await run.ExpectAsync(CreateAgent, "agents", 403, "permission_denied", apiKey: World.Bob, body: json($$$$"""{"organization_id":{{{{world.Company.Id}}}},"agent":{"name":"X"}}"""));
        await run.ExpectAsync(CreateAgent, "agents", 422, "agent_creation_failed", body: json($$$$"""{"organization_id":{{{{world.Company.Id}}}},"agent":{"name":"TrendBot"}}"""));
        await run.ExpectAsync(CreateAgent, "agents", 422, "organization_not_found", body: json($$$$"""{"organization_id":{{{{Missing}}}},"agent":{"name":"X"}}"""));
        await run.ExpectAsync(CreateAgent, "agents", 422, "invalid_api_key", body: json("""{"agent":{"name":"X","eleven_lab_api_key":"invalid-key"}}"""));

        // Update agent: the errors, then new avatars by multipart (which resets the primary).
        await run.ExpectAsync(UpdateAgent, $"agents/{trendBot}", 401, "unauthorized", apiKey: World.Unknown, body: json("""{"agent":{"name":"X"}}"""));
        await run.ExpectAsync(UpdateAgent, $"agents/{trendBot}", 403, "permission_denied", apiKey: World.Bob, body: json("""{"agent":{"name":"X"}}"""));
        await run.ExpectAsync(UpdateAgent, $"agents/{trendBot}", 404, "user_voice_resource_not_found", body: json($$$$"""{"agent":{"default_user_voice_attributes":{"source":"user_voice_resource","voice_id":"{{{{Missing}}}}"}}}"""));
        await run.ExpectAsync(UpdateAgent, $"agents/{Missing}", 422, "agent_not_found", body: json("""{"agent":{"name":"X"}}"""));
        await run.ExpectAsync(UpdateAgent, $"agents/{trendBot}", 422, "validation_error", body: json("""{"agent":{"name":""}}"""));
        await run.ExpectAsync(UpdateAgent, $"agents/{trendBot}", 422, "agent_update_failed", body: json("""{"agent":{"name":"Bare"}}"""));
        await run.ExpectAsync(UpdateAgent, $"agents/{trendBot}", 422, "invalid_api_key", body: json("""{"agent":{"hume_ai_api_key":"invalid-key"}}"""));
        await run.ExpectAsync(UpdateAgent, $"agents/{trendBot}", 422, "voice_id_required", body: json("""{"agent":{"default_user_voice_attributes":{"source":"eleven_labs"}}}"""));
        before = fake.Avatars.Count;
        await run.ExpectAsync(UpdateAgent, $"agents/{personal}", 200, body: ContractRun.Form(
            ("agent[name]", "Mine, pictured"), ("agent[agent_avatars_attributes][0][file]", World.AsciiWebp)));
        await CheckUploadArrivedIntactAsync(run, fake, images, before, expectedNew: 1);

        // List avatars: the first page, a page after a cursor, the errors.
        await run.ExpectAsync(ListAvatars, $"agents/{trendBot}/avatars", 200);
        await run.ExpectAsync(ListAvatars, $"agents/{trendBot}/avatars?cursor={world.ImageAvatar}", 200, apiKey: World.Bob);
        await run.ExpectAsync(ListAvatars, $"agents/{trendBot}/avatars", 401, "unauthorized", apiKey: World.Unknown);
        await run.ExpectAsync(ListAvatars, $"agents/{Missing}/avatars", 404, "agent_not_found");

        // Upload avatars: an image (ASCII-only, see World.AsciiWebp) and a DeGod id; the errors.
        before = fake.Avatars.Count;
        // Indexed: Rack would merge `[][file]` then `[][degod_avatar_id]` into ONE object (reference, last note).
        await run.ExpectAsync(UploadAvatars, $"agents/{trendBot}/avatars", 200, apiKey: World.Carol, body: ContractRun.Form(
            ("agent_avatars_attributes[0][file]", World.AsciiWebp), ("agent_avatars_attributes[1][degod_avatar_id]", 9)));
        await CheckUploadArrivedIntactAsync(run, fake, images, before, expectedNew: 2);
        await run.ExpectAsync(UploadAvatars, $"agents/{trendBot}/avatars", 401, "unauthorized", apiKey: World.Unknown, body: DeGodForm());
        await run.ExpectAsync(UploadAvatars, $"agents/{trendBot}/avatars", 403, "permission_denied", apiKey: World.Bob, body: DeGodForm());
        await run.ExpectAsync(UploadAvatars, $"agents/{Missing}/avatars", 404, "agent_not_found", body: DeGodForm());
        await run.ExpectAsync(UploadAvatars, $"agents/{trendBot}/avatars", 422, "avatar_creation_failed", body: ContractRun.Form(("agent_avatars_attributes[][file]", "not an image")));

        // Set primary
        await run.ExpectAsync(SetPrimary, $"agents/{trendBot}/avatars/{world.DeGodAvatar}", 200, apiKey: World.Carol);
        await run.ExpectAsync(SetPrimary, $"agents/{trendBot}/avatars/{world.DeGodAvatar}", 401, "unauthorized", apiKey: World.Unknown);
        await run.ExpectAsync(SetPrimary, $"agents/{trendBot}/avatars/{world.DeGodAvatar}", 403, "permission_denied", apiKey: World.Bob);
        await run.ExpectAsync(SetPrimary, $"agents/{Missing}/avatars/{world.DeGodAvatar}", 404, "agent_not_found");
        await run.ExpectAsync(SetPrimary, $"agents/{trendBot}/avatars/{Missing}", 422, "avatar_update_failed");

        // Delete avatars: one, several (7_8_9 style, unknown ids ignored), the errors.
        await run.ExpectAsync(DeleteAvatars, $"agents/{trendBot}/avatars/{world.ImageAvatar}", 200);
        await run.ExpectAsync(DeleteAvatars, $"agents/{trendBot}/avatars/{world.DeGodAvatar}_{Missing}", 200);
        await run.ExpectAsync(DeleteAvatars, $"agents/{trendBot}/avatars/{world.DeGodAvatar}", 401, "unauthorized", apiKey: World.Unknown);
        await run.ExpectAsync(DeleteAvatars, $"agents/{trendBot}/avatars/{world.DeGodAvatar}", 403, "permission_denied", apiKey: World.Bob);
        await run.ExpectAsync(DeleteAvatars, $"agents/{Missing}/avatars/{world.DeGodAvatar}", 404, "agent_not_found");
        await run.ExpectAsync(DeleteAvatars, $"agents/{trendBot}/avatars/7_x_9", 404, "not_found");

        // Delete agent, last.
        await run.ExpectAsync(DeleteAgent, $"agents/{trendBot}", 401, "unauthorized", apiKey: World.Unknown);
        await run.ExpectAsync(DeleteAgent, $"agents/{trendBot}", 403, "forbidden", apiKey: World.Bob);
        await run.ExpectAsync(DeleteAgent, $"agents/{Missing}", 422, "agent_not_found");
        await run.ExpectAsync(DeleteAgent, $"agents/{bare}", 200);

        // What every endpoint may answer besides its own errors (the reference page's "Errors (all endpoints)"):
        // 429 with Retry-After, and a 5xx, here as the fake's fault injection produces them.
        foreach (var (endpoint, path, body) in new (string, string, Func<HttpContent?>)[]
        {
            (ListAgents, "agents", () => null),
            (CreateAgent, "agents", () => json("""{"agent":{"name":"Y"}}""")),
            (GetAgent, $"agents/{trendBot}", () => null),
            (UpdateAgent, $"agents/{trendBot}", () => json("""{"agent":{"name":"Y"}}""")),
            (DeleteAgent, $"agents/{trendBot}", () => null),
            (ListAvatars, $"agents/{trendBot}/avatars", () => null),
            (UploadAvatars, $"agents/{trendBot}/avatars", DeGodForm),
            (SetPrimary, $"agents/{trendBot}/avatars/{Missing}", () => null),
            (DeleteAvatars, $"agents/{trendBot}/avatars/{Missing}", () => null),
        })
        {
            fake.Faults.Add(FakeFault.RateLimited(TimeSpan.FromSeconds(2))).Add(FakeFault.Status(HttpStatusCode.ServiceUnavailable));
            await run.ExpectAsync(endpoint, path, 429, "rate_limited", body: body());
            await run.ExpectAsync(endpoint, path, 503, body: body());
        }

        // The canaries: answers that break the spec must be caught, or this run proves nothing. A body of the wrong
        // shape (an error object where the list's array belongs), and a status the spec does not list.
        fake.Faults.Add(FakeFault.Status(HttpStatusCode.OK, "canary", "not an array"));
        await run.ExpectViolationAsync(ListAgents, "agents", "response.body");
        fake.Faults.Add(FakeFault.Status(HttpStatusCode.Conflict, "canary", "not a documented status"));
        await run.ExpectViolationAsync(GetAgent, $"agents/{trendBot}", "response");
        if (fake.Faults.Pending != 0)
        {
            run.Fail($"{fake.Faults.Pending} injected fault(s) were never taken: a scenario did not reach the fake");
        }
    }

    private static MultipartFormDataContent DeGodForm() => ContractRun.Form(("agent_avatars_attributes[][degod_avatar_id]", 11));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The image went through Prism's text re-encoding unchanged: the fake stored it as WebP, and serves back exactly
    /// the bytes that were sent (read straight from the fake server, not through Prism).
    /// </summary>
    private static async Task CheckUploadArrivedIntactAsync(ContractRun run, FakeGenProApi fake, HttpClient images, int before, int expectedNew)
    {
        var added = fake.Avatars.Skip(before).ToList();
        var image = added.FirstOrDefault(a => a.ImageFormat == "webp");
        var served = image is null ? [] : await images.GetByteArrayAsync($"avatars/{image.Id}/original.webp");
        if (added.Count != expectedNew || !served.AsSpan().SequenceEqual(World.AsciiWebp))
        {
            run.Fail($"the upload through Prism did not store {expectedNew} avatar(s) with the {World.AsciiWebp.Length}-byte WebP intact: "
                     + string.Join(", ", added.Select(a => $"{a.Id}: {a.ImageFormat ?? "degod"} {a.Length} bytes"))
                     + $"; served back: {Convert.ToHexString(served)}");
        }
    }
}
