using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Tests.Serialization;

public class TimestampTests
{
    private static readonly Instant Base = Instant.FromUtc(2022, 3, 5, 16, 27, 0);

    // Keeps '+' as it is in the JSON text (the default encoder writes \u002B), as a person would write it.
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("2022-03-06T00:27:00+08:00")]
    [InlineData("2022-03-05T16:27:00Z")]
    [InlineData("2022-03-05t16:27:00z")]
    [InlineData("2022-03-06t00:27:00+08:00")]
    [InlineData("2022-03-05T16:27:00+00:00")]
    [InlineData("2022-03-05T16:27:00-00:00")]
    [InlineData("2022-03-05T10:57:00-05:30")]
    [InlineData("2022-03-05T16:27:00.000000000Z")]
    public void A_timestamp_with_an_offset_or_Z_loads_to_the_right_instant(string text)
    {
        Assert.Equal(Base, KillTimestampOf(text));
    }

    [Theory]
    [InlineData("", 0L)]
    [InlineData(".5", 500_000_000L)]
    [InlineData(".12", 120_000_000L)]
    [InlineData(".123", 123_000_000L)]
    [InlineData(".1234", 123_400_000L)]
    [InlineData(".12345", 123_450_000L)]
    [InlineData(".123456", 123_456_000L)]
    [InlineData(".1234567", 123_456_700L)]
    [InlineData(".12345678", 123_456_780L)]
    [InlineData(".123456789", 123_456_789L)]
    [InlineData(".000000001", 1L)]
    public void Zero_to_nine_fraction_digits_load_exactly(string fraction, long nanoseconds)
    {
        Assert.Equal(Base.PlusNanoseconds(nanoseconds), KillTimestampOf($"2022-03-06T00:27:00{fraction}+08:00"));
    }

    [Theory]
    [InlineData("2022-03-06T00:27:00+08:00", "2022-03-05T16:27:00Z")]
    [InlineData("2022-03-05t16:27:00.5z", "2022-03-05T16:27:00.5Z")]
    [InlineData("2022-03-05T16:27:00.120-01:00", "2022-03-05T17:27:00.12Z")]
    [InlineData("2022-03-05T16:27:00.123456789Z", "2022-03-05T16:27:00.123456789Z")]
    [InlineData("2022-03-05T16:27:00.000Z", "2022-03-05T16:27:00Z")]
    public void A_timestamp_is_written_back_in_UTC_with_Z(string text, string written)
    {
        var job = FurikoJson.Deserialize<Job>(JobWithKillTimestamp(text));

        var json = JsonNode.Parse(FurikoJson.Serialize(job))!;

        Assert.Equal(written, json["spec"]!["killTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public void Every_timestamp_field_of_the_every_field_Job_is_written_in_UTC_with_Z()
    {
        var json = FurikoJson.Serialize(FurikoJson.Deserialize<Job>(TestFixtures.Read(TestFixtures.EveryFieldJob)));

        // The fixture writes several of them with +08:00; none may survive as an offset.
        Assert.DoesNotContain("+08:00", json, StringComparison.Ordinal);
        Assert.Contains("\"startAfter\":\"2022-05-29T12:00:00.5Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"killTimestamp\":\"2022-05-29T12:10:00.123456789Z\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-03-06")]
    [InlineData("2022-03-06T00:27:00")]
    [InlineData("2022-03-06T00:27Z")]
    [InlineData("2022-03-06 00:27:00Z")]
    [InlineData("2022-03-06T00:27:00+0800")]
    [InlineData("2022-03-06T00:27:00.Z")]
    [InlineData("2022-03-06T00:27:00.1234567891Z")]
    [InlineData("2022-02-30T00:27:00Z")]
    [InlineData("2022-03-06T24:00:00Z")]
    [InlineData("2022-03-06T00:27:00+08:00 ")]
    [InlineData("now")]
    [InlineData("")]
    public void A_malformed_timestamp_is_an_error_naming_the_path_and_the_value(string text)
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoJson.Deserialize<Job>(JobWithKillTimestamp(text)));

        Assert.Equal("$.spec.killTimestamp", ex.Path);
        Assert.Contains("$.spec.killTimestamp", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RFC 3339", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_explains_what_is_wrong()
    {
        Assert.False(InstantJsonConverter.TryParse("2022-03-06T00:27:00", out _, out var error));
        Assert.Contains("2022-03-06T00:27:00", error, StringComparison.Ordinal);
    }

    private static Instant? KillTimestampOf(string text) => FurikoJson.Deserialize<Job>(JobWithKillTimestamp(text)).Spec.KillTimestamp;

    private static string JobWithKillTimestamp(string text) =>
        new JsonObject
        {
            ["apiVersion"] = FurikoApi.GroupVersion,
            ["kind"] = FurikoApi.JobKind,
            ["spec"] = new JsonObject { ["configName"] = "c", ["killTimestamp"] = text },
        }.ToJsonString(Unescaped);
}
