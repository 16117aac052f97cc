using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>The caller's stream stays the caller's unless handed over with <c>disposeStream: true</c>.</summary>
public sealed class StreamOwnershipTests : IDisposable
{
    private readonly LoopbackServer _server = LoopbackServer.Recording(json: Samples.CreatedAgent);
    private readonly GenProClient _client;

    public StreamOwnershipTests() => _client = _server.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task One_memory_stream_uploads_to_two_agents_and_stays_open_where_it_was()
    {
        var stream = new TrackedStream([9, 9, .. Images.Png]) { Position = 2 };

        await _client.Avatars.UploadAsync(1, AvatarUpload.FromStream(stream, "a.png"));
        await _client.Avatars.UploadAsync(2, AvatarUpload.FromStream(stream, "a.png"));
        await _client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { AvatarUpload.FromStream(stream, "a.png") } });

        stream.Disposed.Should().BeFalse();
        stream.Position.Should().Be(2);
        var requests = _server.Requests;
        (await RealRack.ParamsJsonAsync(requests[0])).Should().Be("""{"agent_avatars_attributes":[{"file":"file:a.png:image/png:Png"}]}""");
        (await RealRack.ParamsJsonAsync(requests[1])).Should().Be("""{"agent_avatars_attributes":[{"file":"file:a.png:image/png:Png"}]}""");
        (await RealRack.ParamsJsonAsync(requests[2])).Should().Be("""{"agent":{"name":"A","agent_avatars_attributes":{"0":{"file":"file:a.png:image/png:Png"}}}}""");
    }

    [Fact]
    public async Task A_stream_handed_over_is_disposed_after_the_upload()
    {
        var stream = new TrackedStream(Images.Png);

        await _client.Avatars.UploadAsync(42, AvatarUpload.FromStream(stream, "a.png", disposeStream: true));

        stream.Disposed.Should().BeTrue();
        WireParts.Parts(_server.Requests.Single().ContentType, _server.Requests.Single().Body!).Single().Body.Should().Equal(Images.Png);
    }

    public static TheoryData<string> Refusals => ["not an image", "another image refused first", "refused by the API", "marked primary", "agent id 0", "agent create refused by the API", "agent create invalid"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task After_a_refusal_a_stream_handed_over_is_disposed_and_one_left_open_is_not(string refusal)
    {
        var handedOver = new TrackedStream(refusal == "not an image" ? Images.Gif : Images.Png);
        var kept = new TrackedStream(Images.Png);
        var uploads = new[] { AvatarUpload.FromStream(handedOver, "a.png", disposeStream: true), AvatarUpload.FromStream(kept, "b.png") };
        _server.Status = refusal.Contains("refused by the API", StringComparison.Ordinal) ? 422 : 200;
        _server.ResponseJson = """{"error":{"code":"avatar_creation_failed","message":"no"}}""";

        Func<Task> act = refusal switch
        {
            "another image refused first" => () => _client.Avatars.UploadAsync(42, [AvatarUpload.FromBytes(Images.Png, "ok.png"), AvatarUpload.FromStream(new MemoryStream(Images.Text), "t.png"), .. uploads]),
            "marked primary" => () => _client.Avatars.UploadAsync(42, [uploads[0].AsPrimary(), uploads[1]]),
            "agent id 0" => () => _client.Avatars.UploadAsync(0, uploads),
            "agent create refused by the API" => () => _client.Agents.CreateAsync(Create("A", uploads)),
            "agent create invalid" => () => _client.Agents.CreateAsync(Create(" ", uploads)),
            _ => () => _client.Avatars.UploadAsync(42, uploads),
        };

        var thrown = await act.Should().ThrowAsync<Exception>();
        thrown.Which.Should().BeAssignableTo(refusal.Contains("API", StringComparison.Ordinal) ? typeof(GenProException) : typeof(ArgumentException));
        handedOver.Disposed.Should().BeTrue("the SDK owns a stream handed over, whatever becomes of the call");
        kept.Disposed.Should().BeFalse();
        kept.Position.Should().Be(0);
    }

    private static CreateAgentRequest Create(string name, AvatarUpload[] uploads)
    {
        var request = new CreateAgentRequest { Name = name };
        foreach (var upload in uploads)
        {
            request.Avatars.Add(upload);
        }

        return request;
    }

    private sealed class TrackedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
