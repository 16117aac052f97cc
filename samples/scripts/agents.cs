#!/usr/bin/env dotnet
// A C# script (a .NET 10 file-based app) over GenPro.Sdk: lists your agents with their avatars, creates or deletes one.
//
//   dotnet run samples/scripts/agents.cs                      list agents and their avatars
//   dotnet run samples/scripts/agents.cs -- create "My Bot"   create an agent (GENPRO_WORKSPACE_ID: in that workspace)
//   dotnet run samples/scripts/agents.cs -- delete 42         delete an agent
//
// GENPRO_API_KEY (and optionally GENPRO_BASE_URL) select the real API. Without a key the script runs on the SDK's
// fake API, seeded with two agents, so you can try it offline.
//
// In a script of your own, reference the package instead of the two projects below:
//   #:package GenPro.Sdk@*-*            (the newest version, pre-releases and local builds included)
#:project ../../src/GenPro.Sdk/GenPro.Sdk.csproj
#:project ../../src/GenPro.Sdk.Testing/GenPro.Sdk.Testing.csproj

using System.Globalization;
using GenPro.Sdk;
using GenPro.Sdk.Testing;

var options = new GenProClientOptions { ApiKey = Environment.GetEnvironmentVariable("GENPRO_API_KEY") };
await using var fake = string.IsNullOrEmpty(options.ApiKey) ? await StartSeededFakeAsync() : null;
if (fake is not null)
{
    (options.ApiKey, options.BaseAddress) = ("gen_pat_script", fake.BaseAddress);
    Console.WriteLine($"GENPRO_API_KEY is not set: using the built-in fake GEN API at {fake.BaseAddress}");
}
else if (Environment.GetEnvironmentVariable("GENPRO_BASE_URL") is { Length: > 0 } baseUrl)
{
    options.BaseAddress = new Uri(baseUrl);
}

using var client = new GenProClient(options);
long? workspaceId = long.TryParse(Environment.GetEnvironmentVariable("GENPRO_WORKSPACE_ID"), CultureInfo.InvariantCulture, out var ws) ? ws : null;

try
{
    switch (args)
    {
        case [] or ["list"]:
            foreach (var agent in await client.Agents.ListAsync(workspaceId))
            {
                Console.WriteLine($"#{agent.Id} {agent.Name} ({agent.Organization ?? "personal"})");
                await foreach (var avatar in client.Avatars.ListAsync(agent.Id))
                {
                    Console.WriteLine($"    avatar #{avatar.Id}{(avatar.IsPrimary ? " primary" : "")} {avatar.Url}");
                }
            }

            break;
        case ["create", var name]:
            var created = await client.Agents.CreateAsync(new CreateAgentRequest { Name = name, OrganizationId = workspaceId });
            Console.WriteLine($"created #{created.Id} {created.Name}");
            break;
        case ["delete", var id] when long.TryParse(id, CultureInfo.InvariantCulture, out var agentId):
            await client.Agents.DeleteAsync(agentId);
            Console.WriteLine($"deleted #{agentId}");
            break;
        default:
            Console.Error.WriteLine("usage: dotnet run agents.cs -- [list | create NAME | delete ID]");
            return 2;
    }

    return 0;
}
catch (GenProApiException e)
{
    // ErrorCode is the API's machine-readable code (compare with GenProErrorCodes); ErrorMessage its explanation.
    Console.Error.WriteLine($"GEN API error {(int)e.StatusCode} {e.ErrorCode}: {e.ErrorMessage}");
    return 1;
}
catch (GenProConnectionException e)
{
    Console.Error.WriteLine($"Could not reach the GEN API: {e.Message}");
    return 1;
}

// The fake API with one user and two agents in a workspace, one with avatars.
static async Task<FakeGenProServer> StartSeededFakeAsync()
{
    var api = new FakeGenProApi();
    var user = api.AddUser("gen_pat_script", "Script User");
    var workspace = api.AddWorkspace("My Company");
    api.AddMember(workspace, user, FakeWorkspaceRole.Owner);
    var trendBot = api.AddAgent(user, "TrendBot", workspace, "Trend analysis agent", "America/New_York");
    api.AddAvatar(trendBot.Id);
    api.AddAvatar(trendBot.Id, deGodAvatarId: 7);
    api.AddAgent(user, "ProductReviewer", workspace, "Reviews trending products");
    return await FakeGenProServer.StartAsync(api);
}
