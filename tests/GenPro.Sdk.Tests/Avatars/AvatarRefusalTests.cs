using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>Uploads and deletes the API would refuse, refused before any request is sent.</summary>
public sealed class AvatarRefusalTests : IDisposable
{
    private readonly LoopbackServer _server = LoopbackServer.Recording();
    private readonly Images.TempDir _dir = new();
    private readonly GenProClient _client;

    public AvatarRefusalTests() => _client = _server.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("anim.gif", "is not a JPEG, PNG or WebP image (it starts with 4749463839610100)")]
    [InlineData("notes.png", "is not a JPEG, PNG or WebP image")]
    [InlineData("empty.png", "is empty")]
    public void Files_of_the_wrong_kind_are_refused_when_the_upload_is_made(string name, string message)
    {
        var bytes = name switch { "anim.gif" => Images.Gif, "notes.png" => Images.Text, _ => [] };
        var path = _dir.Write(name, bytes);

        var act = () => AvatarUpload.FromFile(path);

        act.Should().Throw<ArgumentException>().WithMessage($"*'{name}' {message}*").Which.ParamName.Should().Be("path");
        FluentActions.Invoking(() => AvatarUpload.FromBytes(bytes, name)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("bytes");
    }

    [Fact]
    public void A_missing_file_is_refused_with_file_not_found()
    {
        var act = () => AvatarUpload.FromFile(Path.Combine(_dir.Path, "missing.png"));

        act.Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public async Task A_file_replaced_by_a_gif_after_the_upload_was_made_is_refused_before_sending()
    {
        var path = _dir.Write("face.png", Images.Png);
        var upload = AvatarUpload.FromFile(path);
        File.WriteAllBytes(path, Images.Gif);

        var act = () => _client.Avatars.UploadAsync(42, upload);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'face.png' is not a JPEG*");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Streams_of_the_wrong_kind_or_closed_are_refused_at_send_and_nothing_is_sent()
    {
        var closed = new MemoryStream(Images.Png);
        var upload = AvatarUpload.FromStream(closed, "late.png");
        await closed.DisposeAsync();

        await FluentActions.Awaiting(() => _client.Avatars.UploadAsync(42, AvatarUpload.FromBytes(Images.Png, "ok.png"), upload))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*'late.png' is closed*");
        var gif = new Images.NonSeekableStream(Images.Gif);
        await FluentActions.Awaiting(() => _client.Avatars.UploadAsync(42, AvatarUpload.FromStream(gif, "x.gif")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*'x.gif' is not a JPEG*");
        gif.Disposed.Should().BeFalse("the caller's stream stays open, refused or not, unless handed over");
        await FluentActions.Awaiting(() => _client.Avatars.UploadAsync(42, AvatarUpload.FromStream(new MemoryStream(), "none.png")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*'none.png' is empty*");
        FluentActions.Invoking(() => AvatarUpload.FromStream(closed, "a.png")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("stream");

        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_bad_image_among_degod_ids_stops_the_whole_call_before_the_degod_request()
    {
        var act = () => _client.Avatars.UploadAsync(42, AvatarUpload.FromDeGod(7), AvatarUpload.FromStream(new MemoryStream(Images.Text), "t.png"));

        await act.Should().ThrowAsync<ArgumentException>();
        _server.Requests.Should().BeEmpty();
    }

    public static TheoryData<string, Type, string> Calls => new()
    {
        { "upload null array", typeof(ArgumentNullException), "uploads" },
        { "upload null list", typeof(ArgumentNullException), "uploads" },
        { "upload null single", typeof(ArgumentNullException), "upload" },
        { "upload empty", typeof(ArgumentException), "uploads" },
        { "upload null item", typeof(ArgumentException), "uploads" },
        { "upload primary", typeof(ArgumentException), "uploads" },
        { "upload agent 0", typeof(ArgumentOutOfRangeException), "agentId" },
        { "primary 0", typeof(ArgumentOutOfRangeException), "avatarId" },
        { "primary agent -1", typeof(ArgumentOutOfRangeException), "agentId" },
        { "delete none", typeof(ArgumentException), "avatarIds" },
        { "delete null", typeof(ArgumentNullException), "avatarIds" },
        { "delete 0", typeof(ArgumentOutOfRangeException), "avatarIds" },
        { "delete -3", typeof(ArgumentOutOfRangeException), "avatarIds" },
        { "delete single 0", typeof(ArgumentOutOfRangeException), "avatarId" },
        { "delete duplicate", typeof(ArgumentException), "avatarIds" },
        { "delete 10000", typeof(ArgumentException), "avatarIds" },
        { "from stream null", typeof(ArgumentNullException), "stream" },
        { "from stream blank name", typeof(ArgumentException), "fileName" },
        { "from file blank", typeof(ArgumentException), "path" },
        { "from bytes no name after the slash", typeof(ArgumentException), "fileName" },
        { "from stream no name after the backslash", typeof(ArgumentException), "fileName" },
        { "from bytes lone surrogate", typeof(ArgumentException), "fileName" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Invalid_calls_throw_argument_exceptions_and_send_nothing(string call, Type expected, string paramName)
    {
        var avatars = _client.Avatars;
        var png = AvatarUpload.FromBytes(Images.Png, "a.png");

        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => call switch
        {
            "upload null array" => avatars.UploadAsync(42, (AvatarUpload[])null!),
            "upload null list" => avatars.UploadAsync(42, (IEnumerable<AvatarUpload>)null!, CancellationToken.None),
            "upload null single" => avatars.UploadAsync(42, (AvatarUpload)null!, CancellationToken.None),
            "upload empty" => avatars.UploadAsync(42),
            "upload null item" => avatars.UploadAsync(42, png, null!),
            "upload primary" => avatars.UploadAsync(42, png.AsPrimary()),
            "upload agent 0" => avatars.UploadAsync(0, png),
            "primary 0" => avatars.SetPrimaryAsync(42, 0),
            "primary agent -1" => avatars.SetPrimaryAsync(-1, 5),
            "delete none" => avatars.DeleteAsync(42, Array.Empty<long>()),
            "delete null" => avatars.DeleteAsync(42, (long[])null!),
            "delete 0" => avatars.DeleteAsync(42, 7, 0),
            "delete -3" => avatars.DeleteAsync(42, new List<long> { -3 }, CancellationToken.None),
            "delete single 0" => avatars.DeleteAsync(42, 0, CancellationToken.None),
            "delete duplicate" => avatars.DeleteAsync(42, 7, 8, 7),
            "delete 10000" => avatars.DeleteAsync(42, Enumerable.Range(1, 10_000).Select(i => (long)i), CancellationToken.None),
            "from stream null" => Task.FromResult(AvatarUpload.FromStream(null!, "a.png")),
            "from stream blank name" => Task.FromResult(AvatarUpload.FromStream(new MemoryStream(Images.Png), " ")),
            "from file blank" => Task.FromResult(AvatarUpload.FromFile("")),
            "from bytes no name after the slash" => Task.FromResult(AvatarUpload.FromBytes(Images.Png, "photos/")),
            "from stream no name after the backslash" => Task.FromResult(AvatarUpload.FromStream(new MemoryStream(Images.Png), "photos\\")),
            "from bytes lone surrogate" => Task.FromResult(AvatarUpload.FromBytes(Images.Png, "a\uD83D.png")),
            _ => throw new InvalidOperationException(call),
        });

        e.GetType().Should().Be(expected);
        e.ParamName.Should().Be(paramName);
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_longest_delete_that_fits_in_2000_characters_is_sent_and_one_more_id_is_refused()
    {
        // Base http://127.0.0.1:PORT/v1/ + "agents/42/avatars/" + ids: fill to exactly 2,000 characters.
        var prefix = _server.BaseAddress.AbsoluteUri.Length + "agents/42/avatars/".Length;
        var ids = new List<long>();
        var length = 0;
        for (long id = 100_000; length + 7 <= 2000 - prefix; id++)
        {
            length += (ids.Count == 0 ? 6 : 7);
            ids.Add(id);
        }

        await _client.Avatars.DeleteAsync(42, ids, CancellationToken.None);
        var url = _server.BaseAddress.GetLeftPart(UriPartial.Authority) + _server.Requests.Single().Target;
        url.Length.Should().BeInRange(1994, 2000);

        var act = () => _client.Avatars.DeleteAsync(42, [.. ids, 999_999, 999_998], CancellationToken.None);
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*2000 characters*");
        _server.Requests.Should().HaveCount(1);
    }
}
