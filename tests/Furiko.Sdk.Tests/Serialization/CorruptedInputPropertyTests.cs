using System.Text;
using CsCheck;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Tests.Serialization;

/// <summary>
/// Feeds random corruptions of valid documents to the readers: each read either succeeds or fails with a
/// <see cref="FurikoSerializationException"/> that says where; nothing else may escape.
/// </summary>
public class CorruptedInputPropertyTests
{
    private const long Iterations = 2_000;

    private static readonly byte[] JobJson = Encoding.UTF8.GetBytes(TestFixtures.Read(TestFixtures.EveryFieldJob));

    private static readonly byte[] JobConfigYaml = Encoding.UTF8.GetBytes(
        File.ReadAllText(FurikoFiles.Example("jobconfigs/31-job-options--adhoc-refund-customer-payments.yaml"))
        + "---\n"
        + File.ReadAllText(FurikoFiles.Example("jobs/12-adhoc-future-job.yaml")));

    [Fact]
    public void A_corrupted_Job_JSON_is_read_or_rejected_with_a_FurikoSerializationException()
    {
        Corruptions(JobJson).Sample(
            text =>
            {
                ReadsOrRejects(() => FurikoJson.Deserialize<Job>(text));
                ReadsOrRejects(() => FurikoManifest.Load(text));
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public void A_corrupted_YAML_manifest_is_read_or_rejected_with_a_FurikoSerializationException()
    {
        Corruptions(JobConfigYaml).Sample(text => ReadsOrRejects(() => FurikoManifest.Load(text)), iter: Iterations, threads: 1);
    }

    // Truncations, byte flips (any byte value, so also invalid UTF-8 and control characters), deletions and
    // insertions of JSON/YAML punctuation, at random places; sometimes several at once.
    private static Gen<string> Corruptions(byte[] valid)
    {
        var position = Gen.Int[0, valid.Length - 1];
        var punctuation = Gen.OneOf("{", "}", "[", "]", ":", ",", "\"", "'", "\n", " ", "-", "&a ", "*a", "!!str ", "\\", "0", "null", "#", "|", ">");
        var edit = Gen.OneOf(
            position.Select(p => (Func<byte[], byte[]>)(bytes => bytes[..Math.Min(p, bytes.Length)])),
            Gen.Select(position, Gen.Byte, (p, b) => (Func<byte[], byte[]>)(bytes => Flip(bytes, p, b))),
            position.Select(p => (Func<byte[], byte[]>)(bytes => p < bytes.Length ? [.. bytes[..p], .. bytes[(p + 1)..]] : bytes)),
            Gen.Select(position, punctuation, (p, s) => (Func<byte[], byte[]>)(bytes => Insert(bytes, p, s))));
        return edit.Array[1, 4].Select(edits => Encoding.UTF8.GetString(edits.Aggregate(valid, (bytes, e) => e(bytes))));
    }

    private static byte[] Flip(byte[] bytes, int position, byte value)
    {
        var copy = (byte[])bytes.Clone();
        if (position < copy.Length)
        {
            copy[position] = value;
        }

        return copy;
    }

    private static byte[] Insert(byte[] bytes, int position, string text)
    {
        var at = Math.Min(position, bytes.Length);
        return [.. bytes[..at], .. Encoding.UTF8.GetBytes(text), .. bytes[at..]];
    }

    private static void ReadsOrRejects(Func<object> read)
    {
        try
        {
            read();
        }
        catch (FurikoSerializationException ex)
        {
            // Every rejection says where: a JSON path or a YAML line.
            Assert.True(
                ex.Message.Contains('$', StringComparison.Ordinal) || ex.Message.Contains("line ", StringComparison.Ordinal),
                $"The error does not say where: {ex.Message}");
        }
    }
}
