using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Returns.Sdk.Lifecycle;
using Returns.Storage.Sqlite.Internal;

namespace Returns.Storage.Sqlite;

/// <summary>
/// The embedded default <see cref="IReturnStore"/>: one SQLite file in WAL mode (readers never wait for the writer),
/// created and migrated on first use. Every write is one <c>BEGIN IMMEDIATE</c> transaction, so writers from several
/// threads or processes take turns and a stale version is caught inside the transaction that would overwrite it.
/// Synchronous mode FULL: a committed change survives a power cut, not only a process crash.
/// </summary>
public sealed class SqliteReturnStore : IReturnStore
{
    private const int SqliteConstraint = 19;

    private readonly string _connectionString;
    private readonly string _file;
    private readonly int _busyTimeoutMs;
    private readonly Lock _migration = new();
    private volatile bool _migrated;

    /// <summary>Creates a store on the configured file; nothing is opened until the first call.</summary>
    /// <param name="options">Where the file is.</param>
    /// <exception cref="ArgumentException">Neither a path nor a connection string.</exception>
    public SqliteReturnStore(SqliteReturnStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = options.ConnectionString is { Length: > 0 } cs
            ? new SqliteConnectionStringBuilder(cs)
            : new SqliteConnectionStringBuilder { DataSource = options.Path ?? throw new ArgumentException("Set the SQLite store's Path or ConnectionString.", nameof(options)) };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite store needs a file (Data Source).", nameof(options));
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        builder.DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        _connectionString = builder.ToString();
        _file = builder.DataSource;
        _busyTimeoutMs = (int)options.BusyTimeout.TotalMilliseconds;
    }

    /// <summary>Creates a store from registered options.</summary>
    /// <param name="options">The options.</param>
    public SqliteReturnStore(IOptions<SqliteReturnStoreOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The database file.</summary>
    public string File => _file;

    /// <inheritdoc/>
    public Task<ReturnRequest> CommitAsync(ReturnChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Validate();
        return Write(async (connection, transaction) =>
        {
            var next = change.Return;
            var rma = next.Rma.Value;
            var document = ReturnDocument.ToJson(next);
            if (change.ExpectedVersion == 0)
            {
                try
                {
                    await Exec(connection, transaction, """
                        INSERT INTO returns (rma, customer_id, state, tracking_number, version, created_at_ticks, document)
                        VALUES ($rma, $customer, $state, $tracking, $version, $created, $document);
                        """, cancellationToken,
                        ("$rma", rma), ("$customer", next.CustomerId), ("$state", next.State.ToString()), ("$tracking", next.TrackingNumber),
                        ("$version", next.Version), ("$created", next.CreatedAt.UtcTicks), ("$document", document)).ConfigureAwait(false);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
                {
                    throw new ReturnConcurrencyException(next.Rma, 0, null);
                }

                foreach (var order in next.OrderNumbers)
                {
                    await Exec(connection, transaction, "INSERT INTO return_orders (order_number, rma) VALUES ($order, $rma);", cancellationToken, ("$order", order), ("$rma", rma)).ConfigureAwait(false);
                }
            }
            else
            {
                var updated = await Exec(connection, transaction, """
                    UPDATE returns SET state = $state, tracking_number = $tracking, version = $version, document = $document
                    WHERE rma = $rma AND version = $expected;
                    """, cancellationToken,
                    ("$rma", rma), ("$state", next.State.ToString()), ("$tracking", next.TrackingNumber), ("$version", next.Version),
                    ("$document", document), ("$expected", change.ExpectedVersion)).ConfigureAwait(false);
                if (updated == 0)
                {
                    var actual = await Scalar(connection, transaction, "SELECT version FROM returns WHERE rma = $rma;", cancellationToken, ("$rma", rma)).ConfigureAwait(false);
                    throw actual is long version
                        ? new ReturnConcurrencyException(next.Rma, change.ExpectedVersion, version)
                        : new ReturnNotFoundException(next.Rma);
                }
            }

            var audit = change.Audit;
            await Exec(connection, transaction, """
                INSERT INTO audit (rma, version, at, channel, actor_id, location_id, from_state, to_state, action, note)
                VALUES ($rma, $version, $at, $channel, $actor, $location, $from, $to, $action, $note);
                """, cancellationToken,
                ("$rma", rma), ("$version", audit.Version), ("$at", audit.At.ToString("O", CultureInfo.InvariantCulture)), ("$channel", audit.Actor.Channel.ToString()),
                ("$actor", audit.Actor.ActorId), ("$location", audit.Actor.LocationId), ("$from", audit.From?.ToString()), ("$to", audit.To.ToString()),
                ("$action", audit.Action), ("$note", audit.Note)).ConfigureAwait(false);

            foreach (var attachment in change.Attachments)
            {
                await Exec(connection, transaction, """
                    INSERT INTO attachments (rma, name, media_type, content) VALUES ($rma, $name, $type, $content)
                    ON CONFLICT (rma, name) DO UPDATE SET media_type = excluded.media_type, content = excluded.content;
                    """, cancellationToken, ("$rma", rma), ("$name", attachment.Name), ("$type", attachment.MediaType), ("$content", attachment.Content.ToArray())).ConfigureAwait(false);
            }

            foreach (var e in change.Events)
            {
                await Exec(connection, transaction, """
                    INSERT INTO outbox (event_id, type, rma, version, occurred_at, payload, state, attempts, next_attempt_ticks, lease_until_ticks, delivered_to, last_error)
                    VALUES ($id, $type, $rma, $version, $at, $payload, 0, 0, $due, 0, '', NULL);
                    """, cancellationToken,
                    ("$id", e.Id.ToString("D")), ("$type", e.Type), ("$rma", rma), ("$version", e.Version),
                    ("$at", e.OccurredAt.ToString("O", CultureInfo.InvariantCulture)), ("$payload", document), ("$due", e.OccurredAt.UtcTicks)).ConfigureAwait(false);
            }

            if (change.IdempotencyKey is { } key)
            {
                await Exec(connection, transaction, """
                    INSERT INTO idempotency (key, fingerprint, lease_until_ticks, result) VALUES ($key, '', $max, $result)
                    ON CONFLICT (key) DO UPDATE SET result = excluded.result, lease_until_ticks = excluded.lease_until_ticks;
                    """, cancellationToken, ("$key", key.Value), ("$max", DateTimeOffset.MaxValue.UtcTicks), ("$result", document)).ConfigureAwait(false);
            }

            return next;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ReturnRequest?> FindAsync(RmaNumber rma, CancellationToken cancellationToken = default) =>
        Read(async c => FirstOrNull(await Documents(c, "SELECT document FROM returns WHERE rma = $p;", rma.Value, cancellationToken).ConfigureAwait(false)), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnRequest>> FindByOrderAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return Read(c => Documents(c, """
            SELECT r.document FROM return_orders o JOIN returns r ON r.rma = o.rma
            WHERE o.order_number = $p ORDER BY r.created_at_ticks, r.rma;
            """, orderNumber, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ReturnRequest?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trackingNumber);
        return Read(async c => FirstOrNull(await Documents(c, "SELECT document FROM returns WHERE tracking_number = $p ORDER BY created_at_ticks DESC, rma DESC LIMIT 1;", trackingNumber, cancellationToken).ConfigureAwait(false)), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnRequest>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return Read(c => Documents(c, "SELECT document FROM returns WHERE customer_id = $p ORDER BY created_at_ticks, rma;", customerId, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnRequest>> ListByStateAsync(ReturnState state, RmaNumber? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Read(async c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT document FROM returns WHERE state = $state AND rma > $after ORDER BY rma LIMIT $limit;";
            command.Parameters.AddWithValue("$state", state.ToString());
            command.Parameters.AddWithValue("$after", after?.Value ?? string.Empty);
            command.Parameters.AddWithValue("$limit", limit);
            return await ReadDocuments(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ReturnAttachment?> FindAttachmentAsync(RmaNumber rma, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Read(async c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT media_type, content FROM attachments WHERE rma = $rma AND name = $name;";
            command.Parameters.AddWithValue("$rma", rma.Value);
            command.Parameters.AddWithValue("$name", name);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new ReturnAttachment(name, reader.GetString(0), (byte[])reader.GetValue(1))
                : null;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnAuditEntry>> GetHistoryAsync(RmaNumber rma, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ReturnAuditEntry>>(async c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT version, at, channel, actor_id, location_id, from_state, to_state, action, note FROM audit WHERE rma = $rma ORDER BY version;";
            command.Parameters.AddWithValue("$rma", rma.Value);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<ReturnAuditEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var actor = new ReturnActor(Enum.Parse<ReturnChannel>(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3))
                {
                    LocationId = reader.IsDBNull(4) ? null : reader.GetString(4),
                };
                entries.Add(new ReturnAuditEntry(
                    reader.GetInt64(0),
                    DateTimeOffset.ParseExact(reader.GetString(1), "O", CultureInfo.InvariantCulture),
                    actor,
                    reader.IsDBNull(5) ? null : Enum.Parse<ReturnState>(reader.GetString(5)),
                    Enum.Parse<ReturnState>(reader.GetString(6)),
                    reader.GetString(7))
                {
                    Note = reader.IsDBNull(8) ? null : reader.GetString(8),
                });
            }

            return entries;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, string fingerprint, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return Write(async (connection, transaction) =>
        {
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT fingerprint, lease_until_ticks, result FROM idempotency WHERE key = $key;";
                command.Parameters.AddWithValue("$key", key.Value);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!string.Equals(reader.GetString(0), fingerprint, StringComparison.Ordinal))
                    {
                        throw new IdempotencyKeyReusedException(key);
                    }

                    if (!reader.IsDBNull(2))
                    {
                        return new IdempotencyClaim(IdempotencyClaimStatus.Completed, Parse(reader.GetString(2), "idempotency result"));
                    }

                    if (reader.GetInt64(1) > now.UtcTicks)
                    {
                        return new IdempotencyClaim(IdempotencyClaimStatus.InProgress);
                    }
                }
            }

            await Exec(connection, transaction, """
                INSERT INTO idempotency (key, fingerprint, lease_until_ticks, result) VALUES ($key, $fingerprint, $until, NULL)
                ON CONFLICT (key) DO UPDATE SET lease_until_ticks = excluded.lease_until_ticks;
                """, cancellationToken, ("$key", key.Value), ("$fingerprint", fingerprint), ("$until", (now + lease).UtcTicks)).ConfigureAwait(false);
            return new IdempotencyClaim(IdempotencyClaimStatus.Acquired);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task ReleaseIdempotencyKeyAsync(IdempotencyKey key, CancellationToken cancellationToken = default) =>
        Write((c, t) => Exec(c, t, "DELETE FROM idempotency WHERE key = $key AND result IS NULL;", cancellationToken, ("$key", key.Value)), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return Write<IReadOnlyList<OutboxMessage>>(async (connection, transaction) =>
        {
            List<OutboxMessage> due;
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"""
                    SELECT {OutboxColumns} FROM outbox
                    WHERE state = 0 AND next_attempt_ticks <= $now AND lease_until_ticks <= $now
                    ORDER BY sequence LIMIT $limit;
                    """;
                command.Parameters.AddWithValue("$now", now.UtcTicks);
                command.Parameters.AddWithValue("$limit", maxCount);
                due = await ReadOutbox(command, cancellationToken).ConfigureAwait(false);
            }

            foreach (var message in due)
            {
                await Exec(connection, transaction, "UPDATE outbox SET lease_until_ticks = $until WHERE sequence = $sequence;", cancellationToken,
                    ("$until", (now + lease).UtcTicks), ("$sequence", message.Sequence)).ConfigureAwait(false);
            }

            return due;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task MarkOutboxDeliveredAsync(long sequence, CancellationToken cancellationToken = default) =>
        Write((c, t) => Exec(c, t, "UPDATE outbox SET state = 1, lease_until_ticks = 0 WHERE sequence = $sequence;", cancellationToken, ("$sequence", sequence)), cancellationToken);

    /// <inheritdoc/>
    public Task MarkOutboxFailedAsync(long sequence, OutboxFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return Write((c, t) => Exec(c, t, """
            UPDATE outbox SET attempts = attempts + 1, next_attempt_ticks = $due, delivered_to = $delivered, last_error = $error,
                state = $state, lease_until_ticks = 0
            WHERE sequence = $sequence;
            """, cancellationToken,
            ("$due", failure.NextAttemptAt.UtcTicks), ("$delivered", JoinSubscribers(failure.DeliveredTo)), ("$error", failure.Error),
            ("$state", failure.DeadLetter ? (int)OutboxMessageState.DeadLettered : (int)OutboxMessageState.Pending), ("$sequence", sequence)), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<OutboxMessage?> FindOutboxMessageAsync(Guid eventId, CancellationToken cancellationToken = default) =>
        Read(async c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = $"SELECT {OutboxColumns} FROM outbox WHERE event_id = $id;";
            command.Parameters.AddWithValue("$id", eventId.ToString("D"));
            var found = await ReadOutbox(command, cancellationToken).ConfigureAwait(false);
            return found.Count > 0 ? found[0] : null;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Read<IReadOnlyList<OutboxMessage>>(async c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = $"SELECT {OutboxColumns} FROM outbox WHERE state = 2 ORDER BY sequence LIMIT $limit;";
            command.Parameters.AddWithValue("$limit", limit);
            return await ReadOutbox(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> RequeueOutboxMessageAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Write(async (c, t) => await Exec(c, t, """
            UPDATE outbox SET state = 0, attempts = 0, delivered_to = '', last_error = NULL, next_attempt_ticks = $now, lease_until_ticks = 0
            WHERE event_id = $id;
            """, cancellationToken, ("$now", now.UtcTicks), ("$id", eventId.ToString("D"))).ConfigureAwait(false) > 0, cancellationToken);

    private const string OutboxColumns = "sequence, event_id, type, rma, version, occurred_at, payload, state, attempts, next_attempt_ticks, delivered_to, last_error";

    // Subscriber names are ours (configuration keys), so a newline cannot occur in one.
    private static string JoinSubscribers(IReadOnlyList<string> subscribers) => string.Join('\n', subscribers);

    private async Task<List<OutboxMessage>> ReadOutbox(SqliteCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rmaText = reader.GetString(3);
            if (!RmaNumber.TryParse(rmaText, out var rma))
            {
                throw new ReturnStoreException($"'{_file}': outbox row {reader.GetInt64(0)} names '{rmaText}', which is not an RMA number; the file is damaged.");
            }

            var delivered = reader.GetString(10);
            var e = new ReturnEvent(Guid.Parse(reader.GetString(1)), reader.GetString(2), rma, reader.GetInt64(4), DateTimeOffset.ParseExact(reader.GetString(5), "O", CultureInfo.InvariantCulture));
            messages.Add(new OutboxMessage(reader.GetInt64(0), e, reader.GetString(6))
            {
                State = (OutboxMessageState)reader.GetInt32(7),
                Attempts = reader.GetInt32(8),
                NextAttemptAt = new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero),
                DeliveredTo = delivered.Length == 0 ? [] : delivered.Split('\n'),
                LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
            });
        }

        return messages;
    }

    private async Task<IReadOnlyList<ReturnRequest>> Documents(SqliteConnection connection, string sql, string parameter, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        return await ReadDocuments(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ReturnRequest>> ReadDocuments(SqliteCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<ReturnRequest>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(Parse(reader.GetString(0), "returns"));
        }

        return found;
    }

    private ReturnRequest Parse(string json, string table)
    {
        try
        {
            return ReturnDocument.Parse(json, $"{_file} ({table})");
        }
        catch (Returns.Sdk.ReturnsValidationException ex)
        {
            throw new ReturnStoreException($"'{_file}' holds a return document that cannot be read; the file is damaged or was edited by hand. {ex.Message}", ex);
        }
    }

    private static async Task<int> Exec(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<T> Read<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken) =>
        Run(read, cancellationToken);

    private static ReturnRequest? FirstOrNull(IReadOnlyList<ReturnRequest> found) => found.Count > 0 ? found[0] : null;

    private Task<bool> Write(Func<SqliteConnection, SqliteTransaction, Task> write, CancellationToken cancellationToken) =>
        Write<bool>(async (c, t) =>
        {
            await write(c, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private Task<T> Write<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        Run(async connection =>
        {
            // BEGIN IMMEDIATE takes the write lock up front, so that the version check and the write cannot interleave with another writer.
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection, transaction).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return result;
        }, cancellationToken);

    private async Task<T> Run<T>(Func<SqliteConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (!_migrated && Path.GetDirectoryName(Path.GetFullPath(_file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs.ToString(CultureInfo.InvariantCulture)}; PRAGMA synchronous = FULL;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            EnsureMigrated(connection);
            return await operation(connection).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new ReturnStoreException($"The SQLite returns store '{_file}' failed: {ex.Message} (SQLite error {ex.SqliteErrorCode}).", ex);
        }
        catch (IOException ex)
        {
            throw new ReturnStoreException($"The SQLite returns store '{_file}' cannot be created: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is SqliteException)
        {
            throw new ReturnStoreException($"The SQLite returns store '{_file}' failed: {ex.Message}", ex);
        }
    }

    private void EnsureMigrated(SqliteConnection connection)
    {
        if (_migrated)
        {
            return;
        }

        // Within the process one thread migrates; across processes BEGIN IMMEDIATE in Schema.Migrate makes the others wait and re-check.
        lock (_migration)
        {
            if (!_migrated)
            {
                Schema.Migrate(connection, _file);
                _migrated = true;
            }
        }
    }
}
