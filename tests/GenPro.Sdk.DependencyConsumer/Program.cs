// A hosted app of the .NET 8 (or 10) line registers GenPro.Sdk from configuration next to an HttpClient of its own,
// and lists agents on the packaged fake API. Prints the runtime and the Microsoft.Extensions assembly versions it loaded.
using GenPro.Sdk;
using GenPro.Sdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

const string Key = "gen_pat_dependency_consumer";
var fake = new FakeGenProApi();
var user = fake.AddUser(Key, "Consumer");
var team = fake.AddWorkspace("Consumers");
fake.AddMember(team, user, FakeWorkspaceRole.Owner);
fake.AddAgent(user, "LineKeeper", team);
await using var server = await FakeGenProServer.StartAsync(fake);

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["GenPro:ApiKey"] = Key,
    ["GenPro:BaseAddress"] = server.BaseAddress.ToString(),
});
builder.Services.AddHttpClient("the-app-s-own");
builder.Services.AddGenProClient(builder.Configuration.GetSection("GenPro"));
using var host = builder.Build();

var agents = await host.Services.GetRequiredService<IGenProClient>().Agents.ListAsync(team.Id);
if (agents.Count != 1 || agents[0].Name != "LineKeeper")
{
    throw new InvalidOperationException($"Dependency consumer: expected the one seeded agent, got {agents.Count}.");
}

Console.WriteLine($"Dependency consumer on .NET {Environment.Version}: AddGenProClient from configuration listed {agents[0].Name}; "
    + $"Microsoft.Extensions.Http {typeof(IHttpClientFactory).Assembly.GetName().Version}, "
    + $"Microsoft.Extensions.Hosting {typeof(Host).Assembly.GetName().Version}.");
return 0;
