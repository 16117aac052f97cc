// Calls every endpoint of the packaged SDK against the packaged fake, as a user's app would, and exits 0.
using System.Net;
using GenPro.Sdk;
using GenPro.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;

const string Key = "gen_pat_consumer";
var fake = new FakeGenProApi();
var user = fake.AddUser(Key, "Consumer");
var team = fake.AddWorkspace("Consumers");
fake.AddMember(team, user, FakeWorkspaceRole.Owner);
var voice = fake.AddVoiceResource("Narrator");
await using var server = await FakeGenProServer.StartAsync(fake);

byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

using var client = new GenProClient(new GenProClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress });
var agent = await client.Agents.CreateAsync(new CreateAgentRequest
{
    Name = "PackagedBot",
    OrganizationId = team.Id,
    Avatars = { AvatarUpload.FromBytes(png, "face.png") },
});
Check((await client.Agents.ListAsync(team.Id)).Any(a => a.Id == agent.Id), "list");
Check((await client.Agents.GetAsync(agent.Id)).Name == "PackagedBot", "get");
agent = await client.Agents.UpdateAsync(agent.Id, new UpdateAgentRequest
{
    Description = "from the package",
    DefaultVoice = DefaultVoiceSelection.UserVoiceResource(voice.Id),
});
Check(agent.Description == "from the package", "update");

await client.Avatars.UploadAsync(agent.Id, AvatarUpload.FromBytes(png, "a.png"), AvatarUpload.FromStream(new MemoryStream(png), "b.png"), AvatarUpload.FromDeGod(7));
var ids = new List<long>();
await foreach (var avatar in client.Avatars.ListAsync(agent.Id))
{
    ids.Add(avatar.Id);
}

Check(ids.Count == 4, "list avatars");
await foreach (var page in client.Avatars.ListAsync(agent.Id).AsPages())
{
    Check(page.Values.Count == 4 && page.ContinuationToken is null, "pages");
}

await client.Avatars.SetPrimaryAsync(agent.Id, ids[^1]);
await client.Avatars.DeleteAsync(agent.Id, ids[1], ids[2]);

try
{
    await client.Agents.CreateAsync(new CreateAgentRequest { Name = "PackagedBot", OrganizationId = team.Id });
    Check(false, "duplicate name");
}
catch (GenProValidationException e) when (e.ErrorCode == GenProErrorCodes.AgentCreationFailed && e.StatusCode == HttpStatusCode.UnprocessableEntity)
{
}

var services = new ServiceCollection();
services.AddGenProClient(o => { o.ApiKey = Key; o.BaseAddress = server.BaseAddress; });
await using (var provider = services.BuildServiceProvider())
{
    Check((await provider.GetRequiredService<IAgentsClient>().ListAsync()).Count == 1, "dependency injection");
}

await client.Agents.DeleteAsync(agent.Id);
Console.WriteLine("Package consumer: every endpoint answered as documented.");
return 0;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException($"Package consumer check failed: {what}");
    }
}
