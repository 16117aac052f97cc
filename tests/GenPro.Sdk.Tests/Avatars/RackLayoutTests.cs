using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>The test parser follows Rack's rule, which is why uploads are laid out as they are.</summary>
public sealed class RackLayoutTests
{
    [Fact]
    public void A_file_then_a_degod_id_merge_into_one_object_and_a_repeated_key_starts_a_new_one()
    {
        static ReceivedPart Field(string name, string value) => new(name, null, null, Encoding.UTF8.GetBytes(value), "");

        RackMultipart.Params([Field("a[][file]", "x"), Field("a[][degod_avatar_id]", "7")]).ToJsonString()
            .Should().Be("""{"a":[{"file":"x","degod_avatar_id":"7"}]}""");
        RackMultipart.Params([Field("a[][file]", "x"), Field("a[][is_primary]", "true"), Field("a[][degod_avatar_id]", "7")]).ToJsonString()
            .Should().Be("""{"a":[{"file":"x","is_primary":"true","degod_avatar_id":"7"}]}""", "is_primary after a key does not separate objects");
        RackMultipart.Params([Field("a[][is_primary]", "false"), Field("a[][file]", "x"), Field("a[][is_primary]", "true"), Field("a[][degod_avatar_id]", "7")]).ToJsonString()
            .Should().Be("""{"a":[{"is_primary":"false","file":"x"},{"is_primary":"true","degod_avatar_id":"7"}]}""", "a leading is_primary always opens a new object");
    }
}
