// A Native AOT app that calls every GenPro.Sdk method against the SDK's fake API on loopback, and checks each answer.
// `dotnet publish -c Release -r linux-x64 -p:PublishAot=true` must report no trim or AOT warning (they fail the
// publish), and the binary must exit 0. It prints how long the process took to get its first API response.
using System.Diagnostics;
using GenPro.Sdk;
using GenPro.Sdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
const string ApiKey = "gen_pat_aot";

var fake = new FakeGenProApi();
var user = fake.AddUser(ApiKey, "Aot");
var team = fake.AddWorkspace("AOT Inc");
fake.AddMember(team, user, FakeWorkspaceRole.Owner);
var seeded = fake.AddAgent(user, "Seeded", team, timeZone: "UTC");
for (var i = 0; i < 25; i++)
{
    fake.AddAvatar(seeded.Id, makePrimary: i == 0);
}

await using var server = await FakeGenProServer.StartAsync(fake);
using var client = new GenProClient(new GenProClientOptions { ApiKey = ApiKey, BaseAddress = server.BaseAddress });

// Agents: list, create, get, update.
var agents = await client.Agents.ListAsync();
var firstResponse = DateTime.UtcNow - processStart;
Check(agents.Count == 1 && agents[0].Name == "Seeded", "Agents.ListAsync");
Check((await client.Agents.ListAsync(team.Id)).Count == 1, "Agents.ListAsync(workspaceId)");

var created = await client.Agents.CreateAsync(new CreateAgentRequest { Name = "AotBot", OrganizationId = team.Id, TimeZone = "America/New_York" });
Check(created.Name == "AotBot" && created.Id > 0, "Agents.CreateAsync (JSON)");
var withImage = await client.Agents.CreateAsync(new CreateAgentRequest
{
    Name = "AotBot with a face",
    OrganizationId = team.Id,
    Avatars = { AvatarUpload.FromBytes(png, "face.png"), AvatarUpload.FromDeGod(7) },
});
Check(withImage.Name == "AotBot with a face", "Agents.CreateAsync (multipart)");

var fetched = await client.Agents.GetAsync(created.Id, includeOrganizationUuid: true);
Check(fetched.Id == created.Id && fetched.TimeZone == "America/New_York", "Agents.GetAsync");
var updated = await client.Agents.UpdateAsync(created.Id, new UpdateAgentRequest { Name = "AotBot v2", Description = "Compiled ahead of time" });
Check(updated.Name == "AotBot v2", "Agents.UpdateAsync");

// Avatars: upload (bytes, stream, DeGod; one and several), list, pages, set primary, delete one and several.
await client.Avatars.UploadAsync(created.Id, AvatarUpload.FromBytes(png, "one.png"));
using (var stream = new MemoryStream(png))
{
    await client.Avatars.UploadAsync(created.Id, AvatarUpload.FromStream(stream, "two.png"), AvatarUpload.FromDeGod(8));
}

var avatars = new List<Avatar>();
await foreach (var avatar in client.Avatars.ListAsync(created.Id))
{
    avatars.Add(avatar);
}

Check(avatars.Count == 3, $"Avatars.ListAsync ({avatars.Count} avatars)");

var pages = 0;
var listed = 0;
string? token = null;
await foreach (var page in client.Avatars.ListAsync(seeded.Id, new AvatarListOptions { Prefetch = true }).AsPages())
{
    pages++;
    listed += page.Values.Count;
    token ??= page.ContinuationToken;
}

Check(pages == 2 && listed == 25, $"Avatars.ListAsync().AsPages ({pages} pages, {listed} avatars)");
var resumed = 0;
await foreach (var page in client.Avatars.ListAsync(seeded.Id).AsPages(token))
{
    resumed += page.Values.Count;
}

Check(resumed == 5, $"AsPages(continuationToken) ({resumed} avatars)");

await client.Avatars.SetPrimaryAsync(created.Id, avatars[^1].Id);
Check((await client.Agents.GetAsync(created.Id)).PrimaryAvatarId == avatars[^1].Id, "Avatars.SetPrimaryAsync");
await client.Avatars.DeleteAsync(created.Id, avatars[0].Id);
await client.Avatars.DeleteAsync(created.Id, avatars[1].Id, avatars[2].Id);
var left = 0;
await foreach (var avatar in client.Avatars.ListAsync(created.Id))
{
    left++;
}

Check(left == 0, "Avatars.DeleteAsync");

// Dependency injection: options from configuration, IGenProClient resolved from the container.
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["GenPro:ApiKey"] = ApiKey, ["GenPro:BaseAddress"] = server.BaseAddress.AbsoluteUri })
    .Build();
var services = new ServiceCollection();
services.AddGenProClient(configuration.GetSection("GenPro"));
await using (var provider = services.BuildServiceProvider())
{
    var injected = provider.GetRequiredService<IGenProClient>();
    Check((await injected.Agents.GetAsync(created.Id)).Name == "AotBot v2", "AddGenProClient -> IGenProClient");
}

var lambdaServices = new ServiceCollection();
lambdaServices.AddGenProClient(o =>
{
    o.ApiKey = ApiKey;
    o.BaseAddress = server.BaseAddress;
});
await using (var provider = lambdaServices.BuildServiceProvider())
{
    Check((await provider.GetRequiredService<IGenProClient>().Agents.ListAsync()).Count == 3, "AddGenProClient(configure)");
}

// Delete, then the typed error for what is gone.
await client.Agents.DeleteAsync(created.Id);
try
{
    await client.Agents.GetAsync(created.Id);
    Check(false, "Agents.DeleteAsync");
}
catch (GenProNotFoundException e)
{
    Check(e.StatusCode == System.Net.HttpStatusCode.NotFound || e.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity, "GenProNotFoundException");
}

Console.WriteLine($"OK: every client method answered as expected; first response {firstResponse.TotalMilliseconds:F0} ms after process start");
return 0;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine($"FAILED: {what}");
        Environment.Exit(1);
    }
}
