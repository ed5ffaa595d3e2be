using System.Globalization;
using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// Names tasks (Pods) the way Furiko does: <c>&lt;jobName&gt;-&lt;indexHash&gt;-&lt;retryIndex&gt;</c>, so the first
/// task of <c>my-sample-job</c> is <c>my-sample-job-gezdqo-0</c> (FURIKO-SEMANTICS 1). Pure; thread-safe.
/// </summary>
public static class TaskNames
{
    /// <summary>The name of a task.</summary>
    /// <param name="jobName">The Job's name (<c>metadata.name</c>).</param>
    /// <param name="index">The task's parallel index; <see langword="null"/> means the default index <c>{indexNumber: 0}</c>.</param>
    /// <param name="retryIndex">The attempt number within the index, counting from 0.</param>
    /// <returns>The name, for example <c>my-sample-job-gi3dgn-1</c> for the second attempt of index 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryIndex"/> is negative.</exception>
    public static string For(string jobName, ParallelIndex? index, long retryIndex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        ArgumentOutOfRangeException.ThrowIfNegative(retryIndex);

        Span<char> retry = stackalloc char[20];
        retryIndex.TryFormat(retry, out var retryLength, default, CultureInfo.InvariantCulture);
        retry = retry[..retryLength];

        var length = jobName.Length + 1 + ParallelIndexHash.Length + 1 + retryLength;
        Span<char> name = length <= 256 ? stackalloc char[length] : new char[length];
        jobName.AsSpan().CopyTo(name);
        var rest = name[jobName.Length..];
        rest[0] = '-';
        ParallelIndexHash.WriteTo(index, rest.Slice(1, ParallelIndexHash.Length));
        rest[1 + ParallelIndexHash.Length] = '-';
        retry.CopyTo(rest[(2 + ParallelIndexHash.Length)..]);
        return new string(name);
    }
}
