using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>The bytes uploads put on the wire, read back part by part and by real Rack, over a raw loopback server.</summary>
public sealed class AvatarUploadTests : IDisposable
{
    private readonly LoopbackServer _server = LoopbackServer.Recording();
    private readonly Images.TempDir _dir = new();
    private readonly GenProClient _client;

    public AvatarUploadTests() => _client = _server.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task One_file_goes_as_one_named_part_with_its_file_name_type_and_exact_bytes()
    {
        var path = _dir.Write("face.png", Images.Png);

        await _client.Avatars.UploadAsync(42, AvatarUpload.FromFile(path));

        var request = _server.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Target.Should().Be("/v1/agents/42/avatars");
        request.ContentType.Should().StartWith("multipart/form-data; boundary=");
        request.Headers.Should().ContainKey("content-length").WhoseValue.Should().Be(request.Body!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers["x-api-key"].Should().Be(ApiServer.ApiKey);
        var part = WireParts.Parts(request.ContentType, request.Body!).Should().ContainSingle().Subject;
        part.RawHeaders.Should().Contain("Content-Disposition: form-data; name=\"agent_avatars_attributes[][file]\"; filename=\"face.png\"");
        part.ContentType.Should().Be("image/png");
        part.Body.Should().Equal(Images.Png);
    }

    [Fact]
    public async Task Three_files_of_each_format_parse_into_three_objects()
    {
        var uploads = new[]
        {
            AvatarUpload.FromFile(_dir.Write("a.jpg", Images.Jpeg)),
            AvatarUpload.FromBytes(Images.WebP, "b.webp"),
            AvatarUpload.FromStream(new MemoryStream(Images.Png), "c.png"),
        };

        await _client.Avatars.UploadAsync(42, uploads);

        var request = _server.Requests.Should().ContainSingle().Subject;
        var parts = WireParts.Parts(request.ContentType, request.Body!);
        parts.Select(p => (p.FileName, p.ContentType)).Should().Equal(("a.jpg", "image/jpeg"), ("b.webp", "image/webp"), ("c.png", "image/png"));
        parts[0].Body.Should().Equal(Images.Jpeg);
        parts[1].Body.Should().Equal(Images.WebP);
        parts[2].Body.Should().Equal(Images.Png);
        (await RealRack.ParamsJsonAsync(request)).Should().Be(
            """{"agent_avatars_attributes":[{"file":"file:a.jpg:image/jpeg:Jpeg"},{"file":"file:b.webp:image/webp:WebP"},{"file":"file:c.png:image/png:Png"}]}""");
    }

    [Fact]
    public async Task A_degod_id_is_a_plain_field()
    {
        await _client.Avatars.UploadAsync(42, AvatarUpload.FromDeGod(7), CancellationToken.None);

        var request = _server.Requests.Should().ContainSingle().Subject;
        var part = WireParts.Parts(request.ContentType, request.Body!).Single();
        part.RawHeaders.Should().Be("Content-Disposition: form-data; name=\"agent_avatars_attributes[][degod_avatar_id]\"");
        Encoding.ASCII.GetString(part.Body).Should().Be("7");
        (await RealRack.ParamsJsonAsync(request)).Should().Be("""{"agent_avatars_attributes":[{"degod_avatar_id":"7"}]}""");
    }

    [Fact]
    public async Task Files_mixed_with_degod_ids_go_as_one_request_per_kind_so_rack_keeps_every_object()
    {
        await _client.Avatars.UploadAsync(
            42,
            [AvatarUpload.FromBytes(Images.Png, "a.png"), AvatarUpload.FromDeGod(7), AvatarUpload.FromBytes(Images.Jpeg, "b.jpg"), AvatarUpload.FromDeGod(8)],
            CancellationToken.None);

        var requests = _server.Requests;
        requests.Should().HaveCount(2).And.OnlyContain(r => r.Target == "/v1/agents/42/avatars");
        (await RealRack.ParamsJsonAsync(requests[0])).Should().Be(
            """{"agent_avatars_attributes":[{"degod_avatar_id":"7"},{"degod_avatar_id":"8"}]}""");
        (await RealRack.ParamsJsonAsync(requests[1])).Should().Be(
            """{"agent_avatars_attributes":[{"file":"file:a.png:image/png:Png"},{"file":"file:b.jpg:image/jpeg:Jpeg"}]}""");
    }

    [Fact]
    public async Task A_non_seekable_stream_keeps_every_byte_goes_chunked_and_is_left_open()
    {
        var bytes = Images.Png.Concat(Enumerable.Range(0, 100_000).Select(i => (byte)i)).ToArray();
        var stream = new Images.NonSeekableStream(bytes);

        await _client.Avatars.UploadAsync(42, AvatarUpload.FromStream(stream, "big.png"));

        var request = _server.Requests.Single();
        request.Headers.Should().NotContainKey("content-length");
        request.Headers["transfer-encoding"].Should().Be("chunked");
        WireParts.Parts(request.ContentType, request.Body!).Single().Body.Should().Equal(bytes);
        (await RealRack.ParamsJsonAsync(request)).Should().Be("""{"agent_avatars_attributes":[{"file":"file:big.png:image/png:100019 bytes"}]}""");
        stream.Disposed.Should().BeFalse("the caller did not hand the stream over");
    }

    [Fact]
    public async Task A_stream_is_sent_from_its_position_and_put_back_there()
    {
        var stream = new MemoryStream([1, 2, 3, .. Images.WebP]) { Position = 3 };

        await _client.Avatars.UploadAsync(42, AvatarUpload.FromStream(stream, "x.webp"));

        stream.CanRead.Should().BeTrue();
        stream.Position.Should().Be(3);
        var request = _server.Requests.Single();
        WireParts.Parts(request.ContentType, request.Body!).Single().Body.Should().Equal(Images.WebP);
    }

    [Fact]
    public async Task The_request_option_marks_only_bodies_that_cannot_be_resent()
    {
        var marks = new List<bool?>();
        using var handler = new OptionRecorder(marks) { InnerHandler = new SocketsHttpHandler() };
        using var client = new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = _server.BaseAddress }, handler);

        await client.Avatars.UploadAsync(42, AvatarUpload.FromFile(_dir.Write("a.png", Images.Png)));
        await client.Avatars.UploadAsync(42, AvatarUpload.FromStream(new Images.NonSeekableStream(Images.Png), "b.png"));
        await client.Avatars.UploadAsync(42, AvatarUpload.FromStream(new MemoryStream(Images.Png), "c.png"));

        marks.Should().Equal(false, true, false);
    }

    private sealed class OptionRecorder(List<bool?> marks) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            marks.Add(request.Options.TryGetValue(GenProRequestOptionKeys.NonReplayableBody, out var value) ? value : null);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
