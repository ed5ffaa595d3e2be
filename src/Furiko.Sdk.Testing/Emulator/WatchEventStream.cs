using System.Text;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// The body of an in-process watch response: a read-only stream that yields each event line (with its newline)
/// as it is committed, blocking a reader until the next one, and ends when the watch ends. Disposing it closes the
/// watch, as a client closing the connection does. Meant for one reader, like a network stream.
/// </summary>
internal sealed class WatchEventStream : Stream
{
    private readonly WatchSubscription _watch;
    private ReadOnlyMemory<byte> _pending;

    public WatchEventStream(WatchSubscription watch) => _watch = watch;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.IsEmpty)
        {
            if (!await _watch.Lines.WaitToReadAsync(cancellationToken).ConfigureAwait(false) || !_watch.Lines.TryRead(out var line))
            {
                return 0;
            }

            _pending = Encoding.UTF8.GetBytes(line + "\n");
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _watch.Dispose();
        }

        base.Dispose(disposing);
    }
}
