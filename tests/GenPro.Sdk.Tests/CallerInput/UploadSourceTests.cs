using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Issue 24, rows 12 and 13: a directory given as an avatar file is refused as documented (not an
/// <see cref="UnauthorizedAccessException"/>); one stream uploaded by several calls at once is refused, saying so, while
/// another call sends it, and every call that does send it sends its exact bytes.
/// </summary>
public sealed class UploadSourceTests
{
    private static readonly TimeSpan HardBound = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_directory_is_refused_as_an_argument_and_a_missing_file_as_not_found()
    {
        using var dir = new Images.TempDir();
        var sub = Directory.CreateDirectory(Path.Combine(dir.Path, "face.png")).FullName;

        foreach (var path in new[] { sub, sub + Path.DirectorySeparatorChar, dir.Path, "." })
        {
            Refusals.Refused(() => AvatarUpload.FromFile(path), "path").Should().NotBeOfType<ArgumentNullException>();
        }

        Refusals.Refused(() => AvatarUpload.FromFile(sub), "path").Message.Should().Contain("directory");
        FluentActions.Invoking(() => AvatarUpload.FromFile(Path.Combine(dir.Path, "missing.png"))).Should().ThrowExactly<FileNotFoundException>();
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_file_replaced_by_a_directory_after_the_upload_was_made_is_refused_before_sending(string path)
    {
        using var dir = new Images.TempDir();
        var file = dir.Write("face.png", Images.Png);
        var upload = AvatarUpload.FromFile(file);
        File.Delete(file);
        Directory.CreateDirectory(file);
        using var server = LoopbackServer.Recording();
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));

        var e = Refusals.Refused(() => client.Avatars.UploadAsync(42, [upload]), "uploads");

        e.Message.Should().Contain("face.png").And.Contain("directory");
        server.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task One_stream_uploaded_by_a_second_call_while_the_first_sends_it_is_refused_saying_so(string path)
    {
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new LoopbackServer(async connection =>
        {
            while (await connection.ReadRequestAsync(keepBody: true) is not null)
            {
                firstArrived.TrySetResult();
                await release.Task.WaitAsync(connection.Closing);
                await connection.AnswerAsync(200, null);
            }
        });
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));
        using var shared = new MemoryStream([0x00, 0x00, .. Images.Png]) { Position = 2 };

        var first = client.Avatars.UploadAsync(1, [AvatarUpload.FromStream(shared, "first.png")]);
        await firstArrived.Task.WaitAsync(HardBound);

        // Its own upload object or the same one: the stream is what is shared.
        foreach (var second in new[] { AvatarUpload.FromStream(shared, "second.png"), AvatarUpload.FromStream(shared, "first.png") })
        {
            var e = Refusals.Refused(() => client.Avatars.UploadAsync(2, [second]), "uploads");
            e.Message.Should().Contain("is being sent by another call").And.Contain("one upload at a time");
        }

        server.Requests.Should().ContainSingle();
        release.SetResult();
        await first.WaitAsync(HardBound);

        // Once the first call has ended the stream is free again, at the position the caller left it.
        shared.Position.Should().Be(2);
        await client.Avatars.UploadAsync(2, [AvatarUpload.FromStream(shared, "second.png")]).WaitAsync(HardBound);
        server.Requests.Should().HaveCount(2);
        foreach (var request in server.Requests)
        {
            WireParts.Parts(request.ContentType, request.Body!).Should().ContainSingle().Which.Body.Should().Equal(Images.Png);
        }
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task One_stream_uploaded_to_many_agents_at_once_is_sent_whole_or_refused_saying_so(string path)
    {
        using var server = LoopbackServer.Recording();
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));
        var image = new byte[200_000];
        Images.Png.CopyTo(image, 0);
        Random.Shared.NextBytes(image.AsSpan(Images.Png.Length));
        using var shared = new MemoryStream(image);
        var refused = 0;

        for (var round = 0; round < 10; round++)
        {
            var calls = Enumerable.Range(1, 8).Select(async agent =>
            {
                try
                {
                    await client.Avatars.UploadAsync(agent, [AvatarUpload.FromStream(shared, $"{agent}.png")]);
                }
                catch (ArgumentException e) when (e.ParamName == "uploads" && e.Message.Contains("is being sent by another call", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref refused);
                }
            });
            await Task.WhenAll(calls).WaitAsync(HardBound);
        }

        server.Requests.Should().HaveCount(80 - refused, "a refused call sends nothing");
        server.Requests.Should().OnlyContain(r => WireParts.Parts(r.ContentType, r.Body!).Single().Body.SequenceEqual(image), "no call sends a mix");
        shared.Position.Should().Be(0);
    }
}
