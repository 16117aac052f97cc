// GenPro.Sdk quickstart: every endpoint of the GEN Agents API, in the order you would use them.
//
//   dotnet run --project samples/GenPro.Sdk.Samples.Quickstart
//
// Without GENPRO_API_KEY it runs on the SDK's built-in fake API (GenPro.Sdk.Testing) on 127.0.0.1: no network, no key.
// With it, it calls the real API. Optional: GENPRO_BASE_URL (another address), GENPRO_WORKSPACE_ID (create the agent
// in that workspace rather than as a personal agent), GENPRO_VOICE_RESOURCE_ID (a voice to make the default).
// It deletes what it creates, even when a step fails.
using System.Globalization;
using GenPro.Sdk;
using GenPro.Sdk.Testing;

var options = new GenProClientOptions
{
    ApiKey = Environment.GetEnvironmentVariable("GENPRO_API_KEY"),
    ApplicationId = "GenProQuickstart/1.0",   // shows up in the User-Agent, so the API's owners can tell callers apart
};
var workspaceId = ReadId("GENPRO_WORKSPACE_ID");
var voiceResourceId = ReadId("GENPRO_VOICE_RESOURCE_ID");

FakeGenProServer? fake = null;
if (string.IsNullOrEmpty(options.ApiKey))
{
    (fake, workspaceId, voiceResourceId) = await StartFakeApiAsync("gen_pat_quickstart");
    options.ApiKey = "gen_pat_quickstart";
    options.BaseAddress = fake.BaseAddress;
    Console.WriteLine($"GENPRO_API_KEY is not set: using the built-in fake GEN API at {fake.BaseAddress}");
}
else if (Environment.GetEnvironmentVariable("GENPRO_BASE_URL") is { Length: > 0 } baseUrl)
{
    options.BaseAddress = new Uri(baseUrl);
}

// One client per API key, kept for the life of the application: it is thread-safe and pools connections.
using var client = new GenProClient(options);
long? agentId = null;
try
{
    Step("List agents");
    var agents = await client.Agents.ListAsync(workspaceId);
    Console.WriteLine($"{agents.Count} agent(s){(workspaceId is null ? "" : $" in workspace {workspaceId}")}");
    foreach (var summary in agents)
    {
        Console.WriteLine($"  #{summary.Id} {summary.Name} ({summary.Role}, {summary.Organization ?? "personal"})");
    }

    Step("Create an agent with an avatar");
    // Agent names are unique within a workspace: a timestamp keeps reruns against the real API apart.
    var name = $"Quickstart {DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}";
    var agent = await client.Agents.CreateAsync(new CreateAgentRequest
    {
        Name = name,
        Description = "Created by the GenPro.Sdk quickstart",
        TimeZone = "America/New_York",
        OrganizationId = workspaceId,   // null: a personal agent
        Avatars = { AvatarUpload.FromBytes(TinyImages.Png, "face.png") },   // a file travels as multipart/form-data
    });
    agentId = agent.Id;
    PrintAgent(agent);

    Step("Get it back");
    PrintAgent(await client.Agents.GetAsync(agent.Id));

    Step("Update its description and default voice");
    agent = await client.Agents.UpdateAsync(agent.Id, new UpdateAgentRequest
    {
        Description = "Reviews trending products",
        // Only the properties you set are sent; leave DefaultVoice null to keep the current voice.
        DefaultVoice = voiceResourceId is { } voiceId ? DefaultVoiceSelection.UserVoiceResource(voiceId) : null,
    });
    PrintAgent(agent);

    Step("Upload three images and a DeGod avatar");
    await client.Avatars.UploadAsync(agent.Id,
        AvatarUpload.FromBytes(TinyImages.Png, "front.png"),
        AvatarUpload.FromBytes(TinyImages.Jpeg, "side.jpg"),
        AvatarUpload.FromBytes(TinyImages.WebP, "back.webp"),
        AvatarUpload.FromDeGod(7));   // FromFile and FromStream stream from disk or your stream instead
    Console.WriteLine("uploaded 4 avatars");
    if (fake is not null)
    {
        // On the fake, enough avatars for several pages of 20 (seeded, not uploaded: your real agent keeps only the four).
        for (var i = 0; i < 21; i++)
        {
            fake.Api.AddAvatar(agent.Id);
        }

        Console.WriteLine("the fake API seeded 21 more avatars, so that the listing below spans two pages");
    }

    Step("List avatars, one by one (pages of 20 are fetched as you go)");
    var avatars = new List<Avatar>();
    await foreach (var avatar in client.Avatars.ListAsync(agent.Id))
    {
        avatars.Add(avatar);
        PrintAvatar(avatar);
    }

    Step("List avatars page by page: stop after the first page, then resume from its continuation token");
    // A page's ContinuationToken resumes the listing later, even in another process (store it as a string): AsPages(token).
    string? savedToken = null;
    var pagedIds = new List<long>();
    await foreach (var page in client.Avatars.ListAsync(agent.Id).AsPages())
    {
        pagedIds.AddRange(page.Values.Select(a => a.Id));
        savedToken = page.ContinuationToken;
        Console.WriteLine($"page 1: {page.Values.Count} avatar(s), continuation token: {savedToken ?? "(none: last page)"}");
        break;   // as if the process stopped here
    }

    if (savedToken is not null)
    {
        var pageNumber = 1;
        await foreach (var page in client.Avatars.ListAsync(agent.Id).AsPages(savedToken))
        {
            pagedIds.AddRange(page.Values.Select(a => a.Id));
            Console.WriteLine($"page {++pageNumber} (resumed): {page.Values.Count} avatar(s), continuation token: {page.ContinuationToken ?? "(none: last page)"}");
        }
    }

    if (!pagedIds.SequenceEqual(avatars.Select(a => a.Id)))
    {
        throw new InvalidOperationException("Paging and resuming did not yield the same avatars as the one-by-one listing.");
    }

    if (fake is not null && savedToken is null)
    {
        throw new InvalidOperationException("The fake API's 26 avatars fit in one page: nothing was resumed.");
    }

    Step("Make the newest avatar the primary one");
    var newest = avatars.MaxBy(a => a.Id)!;
    await client.Avatars.SetPrimaryAsync(agent.Id, newest.Id);
    Console.WriteLine($"avatar #{newest.Id} is primary");

    Step("Save the primary avatar's thumbnail to disk");
    // The picture comes from the CDN the API links to, through the client's pipeline (timeout, retries, size cap) and
    // without the API key; its format is checked by its first bytes. Dispose it to release the connection.
    var primary = await client.Agents.GetAsync(agent.Id);
    await using (var thumbnail = await client.Avatars.OpenReadAsync(primary.PrimaryAvatarUrl!))
    {
        var file = Path.Combine(Path.GetTempPath(), $"genpro-quickstart-thumbnail{thumbnail.FileExtension}");   // replaced on every run
        var bytes = await thumbnail.SaveAsync(file);
        Console.WriteLine($"saved {thumbnail.ContentType} ({bytes} bytes) to {file}");
    }

    Step("Delete two avatars in one request");
    var twoOthers = avatars.Where(a => a.Id != newest.Id).Take(2).Select(a => a.Id).ToArray();
    await client.Avatars.DeleteAsync(agent.Id, twoOthers);   // DELETE …/avatars/101_102
    Console.WriteLine($"deleted #{string.Join(", #", twoOthers)}; left:");
    await foreach (var avatar in client.Avatars.ListAsync(agent.Id))
    {
        PrintAvatar(avatar);
    }

    Step("Handle a typed error: create a second agent with the same name");
    try
    {
        await client.Agents.CreateAsync(new CreateAgentRequest { Name = name, OrganizationId = workspaceId });
        throw new InvalidOperationException("The API accepted a duplicate agent name.");
    }
    catch (GenProValidationException e) when (e.ErrorCode == GenProErrorCodes.AgentCreationFailed)
    {
        Console.WriteLine($"refused as expected: {(int)e.StatusCode} {e.ErrorCode}: {e.ErrorMessage}");
    }

    Step("Delete the agent");
    await client.Agents.DeleteAsync(agent.Id);
    agentId = null;
    try
    {
        await client.Agents.GetAsync(agent.Id);
        throw new InvalidOperationException("The deleted agent can still be read.");
    }
    catch (GenProNotFoundException e)
    {
        Console.WriteLine($"deleted: getting it now fails with {e.ErrorCode}");
    }

    Console.WriteLine();
    Console.WriteLine("Quickstart finished: every call succeeded.");
    return 0;
}
catch (Exception e) when (e is GenProException or InvalidOperationException)
{
    // GenProApiException carries the status and the API's error code; a GenProConnectionException means no answer.
    var detail = e is GenProApiException api ? $" (HTTP {(int)api.StatusCode}, error_code {api.ErrorCode ?? "none"})" : "";
    Console.Error.WriteLine($"Quickstart failed: {e.GetType().Name}{detail}: {e.Message}");
    return 1;
}
finally
{
    if (agentId is { } leftover)
    {
        await DeleteQuietlyAsync(client, leftover);
    }

    if (fake is not null)
    {
        await fake.DisposeAsync();
    }
}

// A fake API with a user (authenticating with apiKey), a workspace the user owns with one agent in it, and a voice,
// served over HTTP on 127.0.0.1. Your own tests can seed it the same way (see GenPro.Sdk.Testing's README).
static async Task<(FakeGenProServer Server, long WorkspaceId, long VoiceResourceId)> StartFakeApiAsync(string apiKey)
{
    var api = new FakeGenProApi();
    var user = api.AddUser(apiKey, "Quickstart User");
    var workspace = api.AddWorkspace("Quickstart Workspace");
    api.AddMember(workspace, user, FakeWorkspaceRole.Owner);
    api.AddAgent(user, "TrendBot", workspace, "Trend analysis agent", "America/New_York");
    var voice = api.AddVoiceResource("Sarah", "female", "English");
    return (await FakeGenProServer.StartAsync(api), workspace.Id, voice.Id);
}

static long? ReadId(string variable) =>
    long.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

static void Step(string title) => Console.WriteLine($"{Environment.NewLine}== {title}");

static void PrintAgent(Agent agent)
{
    var voice = agent.DefaultUserVoice is { } v ? $"{v.Source} {v.VoiceId}".Trim() : "none";
    Console.WriteLine($"#{agent.Id} {agent.Name}: \"{agent.Description}\", {agent.TimeZone}, role {agent.Role}, voice {voice}, primary avatar #{agent.PrimaryAvatarId}");
}

static void PrintAvatar(Avatar avatar) =>
    Console.WriteLine($"  #{avatar.Id}{(avatar.IsPrimary ? " (primary)" : "")} {(avatar.DeGodAvatarId is { } degod ? $"DeGod {degod}" : avatar.Url?.ToString())}");

// Best effort: the walk-through failed midway, so remove the agent it created rather than leave it behind.
static async Task DeleteQuietlyAsync(GenProClient client, long agentId)
{
    try
    {
        await client.Agents.DeleteAsync(agentId);
        Console.Error.WriteLine($"Cleaned up: deleted agent #{agentId}.");
    }
    catch (GenProException e)
    {
        Console.Error.WriteLine($"Could not delete agent #{agentId}: {e.Message}");
    }
}
