// An ASP.NET Core minimal API in front of the GEN Agents API, through GenPro.Sdk.
//
//   GenPro__ApiKey=gen_pat_… dotnet run --project samples/GenPro.Sdk.Samples.WebApi
//
// The SDK is configured from the "GenPro" section of appsettings.json, the environment and user secrets; the host
// stops at start-up with a message naming the setting when the key is missing. Errors of the GEN API become RFC 7807
// problem details (GenProExceptionHandler).
using GenPro.Sdk;
using GenPro.Sdk.Samples.WebApi;
using Microsoft.AspNetCore.Http.HttpResults;

var builder = WebApplication.CreateBuilder(args);

// IGenProClient, IAgentsClient and IAvatarsClient as singletons over IHttpClientFactory, with the SDK's retry policy.
builder.Services.AddGenProClient(builder.Configuration.GetSection("GenPro"));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<GenProExceptionHandler>();
// JSON for this API's own types comes from a source generator: no reflection, ready for Native AOT.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();   // bare 404s (an unknown route) get a problem body too

var agents = app.MapGroup("/agents");

agents.MapGet("/", async (long? workspaceId, IAgentsClient client, CancellationToken ct) =>
    (await client.ListAsync(workspaceId, ct)).Select(AgentDto.From));

agents.MapGet("/{id:long:min(1)}", async (long id, IAgentsClient client, CancellationToken ct) =>
    AgentDto.From(await client.GetAsync(id, cancellationToken: ct)));

agents.MapPost("/", async Task<Results<Created<AgentDto>, ValidationProblem>> (CreateAgentDto body, IAgentsClient client, CancellationToken ct) =>
{
    if (string.IsNullOrWhiteSpace(body.Name))
    {
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A name is required."] });
    }

    // POST is not retried by the SDK once the request may have reached the API: no duplicate agents.
    var agent = await client.CreateAsync(new CreateAgentRequest
    {
        Name = body.Name,
        Description = body.Description,
        TimeZone = body.TimeZone,
        OrganizationId = body.WorkspaceId,
    }, ct);
    return TypedResults.Created($"/agents/{agent.Id}", AgentDto.From(agent));
});

agents.MapDelete("/{id:long:min(1)}", async (long id, IAgentsClient client, CancellationToken ct) =>
{
    await client.DeleteAsync(id, ct);
    return TypedResults.NoContent();
});

// Streams the avatars as a JSON array while the SDK fetches the pages of 20: memory stays flat however many there are.
agents.MapGet("/{id:long:min(1)}/avatars", (long id, IAvatarsClient avatars) =>
    avatars.ListAsync(id).Select(AvatarDto.From));

// Proxies an agent's primary avatar: the picture streams from the CDN through the SDK (no API key goes there; timeout,
// retries and size cap apply) to the caller, and the connection is released once the response is written.
agents.MapGet("/{id:long:min(1)}/avatar", async Task<Results<FileStreamHttpResult, NotFound>> (long id, IAgentsClient client, IAvatarsClient avatars, CancellationToken ct) =>
{
    var agent = await client.GetAsync(id, cancellationToken: ct);
    if (agent.PrimaryAvatarUrl is not { } url)
    {
        return TypedResults.NotFound();
    }

    var image = await avatars.OpenReadAsync(url, ct);
    return TypedResults.Stream(image.Content, image.ContentType);   // disposed by the result once written
});

app.Run();
