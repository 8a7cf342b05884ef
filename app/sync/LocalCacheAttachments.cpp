#include "app/sync/LocalCache.h"

#include "app/sync/CacheSql.h"
#include "common/sync/RecordType.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

// The files a clerk attached: copied beside the cache file, named by their SHA-256, and whether the server
// has them completely.
namespace sunshine::app {

using namespace sync;
using namespace cachesql;

QString LocalCache::filesDir() const
{
    return m_path + u".files"_s;
}

QString LocalCache::attachmentPath(const QString &sha256) const
{
    return QDir(filesDir()).filePath(sha256);
}

QString LocalCache::addAttachment(const QString &sourcePath, QString *error)
{
    QFile in(sourcePath);
    const QString shown = QFileInfo(sourcePath).fileName();
    if (!in.open(QIODevice::ReadOnly)) {
        *error = u"无法读取文件“%1”：%2"_s.arg(shown, in.errorString());
        return {};
    }
    const qint64 size = in.size();
    if (size > kMaxAttachmentBytes) {
        *error = u"文件“%1”超过 %2 MB，不能作为附件"_s.arg(shown).arg(kMaxAttachmentBytes >> 20);
        return {};
    }
    if (size <= 0) {
        *error = u"文件“%1”是空的，不能作为附件"_s.arg(shown);
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in)) {
        *error = u"无法读取文件“%1”：%2"_s.arg(shown, in.errorString());
        return {};
    }
    const QString sha = QString::fromLatin1(hash.result().toHex());
    const QString target = attachmentPath(sha);
    if (QFileInfo(target).size() != size) {
        // Copied in blocks (never the whole file in memory), written under a temporary name and then renamed,
        // so a half-written copy never carries the file's name.
        if (!QDir().mkpath(filesDir())) {
            *error = u"无法创建附件文件夹 %1"_s.arg(QDir::toNativeSeparators(filesDir()));
            return {};
        }
        QSaveFile out(target);
        if (!in.seek(0) || !out.open(QIODevice::WriteOnly)) {
            *error = u"无法保存附件“%1”：%2"_s.arg(shown, out.errorString());
            return {};
        }
        while (!in.atEnd()) {
            const QByteArray block = in.read(1024 * 1024);
            if (block.isEmpty() || out.write(block) != block.size()) {
                out.cancelWriting();
                *error = u"无法保存附件“%1”：%2"_s.arg(
                    shown, in.error() != QFileDevice::NoError ? in.errorString() : out.errorString());
                return {};
            }
        }
        if (!out.commit()) {
            *error = u"无法保存附件“%1”：%2"_s.arg(shown, out.errorString());
            return {};
        }
    }
    try {
        run(database(),
            u"INSERT INTO attachments (sha256, name, size, uploaded) VALUES (?, ?, ?, 0) "
            u"ON CONFLICT(sha256) DO NOTHING"_s,
            {sha, shown, size});
    } catch (const Failure &f) {
        *error = f.what;
        return {};
    }
    return sha;
}

QString LocalCache::attachmentName(const QString &sha256) const
{
    try {
        QSqlQuery q = run(database(), u"SELECT name FROM attachments WHERE sha256 = ?"_s, {sha256});
        return q.next() ? q.value(0).toString() : QString();
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
        return {};
    }
}

bool LocalCache::hasAttachment(const QString &sha256) const
{
    try {
        QSqlQuery q = run(database(), u"SELECT 1 FROM attachments WHERE sha256 = ?"_s, {sha256});
        return q.next();
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
        return false;
    }
}

QStringList LocalCache::attachmentsOf(const Operation &op)
{
    if (op.kind == OpKind::Delete)
        return {};
    const RecordType *type = RecordTypes::find(op.type);
    return type ? type->attachmentsOf(op.changedFields) : QStringList();
}

QStringList LocalCache::pendingUploads(const QList<Operation> &ops) const
{
    QStringList out;
    try {
        QSqlQuery q(database());
        if (!q.prepare(u"SELECT 1 FROM attachments WHERE sha256 = ? AND uploaded = 0"_s))
            throw Failure{q.lastError().text()};
        for (const Operation &op : ops) {
            const QStringList shas = attachmentsOf(op);
            for (const QString &sha : shas) {
                if (out.contains(sha))
                    continue;
                // A name not added here came from the server (a record pulled and edited): it is there.
                q.bindValue(0, sha);
                if (!q.exec())
                    throw Failure{q.lastError().text()};
                if (q.next())
                    out.append(sha);
                q.finish();
            }
        }
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
    }
    return out;
}

QStringList LocalCache::pendingUploads() const
{
    QList<Operation> ops;
    try {
        QSqlQuery q =
            run(database(), u"SELECT type, kind, changed FROM outbox WHERE state = 0 ORDER BY seq"_s);
        while (q.next()) {
            Operation op;
            op.type = q.value(0).toString();
            op.kind = OpKind(q.value(1).toInt());
            op.changedFields = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
            ops.append(op);
        }
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
        return {};
    }
    return pendingUploads(ops);
}

bool LocalCache::markUploaded(const QString &sha256)
{
    try {
        run(database(), u"UPDATE attachments SET uploaded = 1 WHERE sha256 = ?"_s, {sha256});
        return true;
    } catch (const Failure &f) {
        qWarning("local cache: %s", qPrintable(f.what));
        return false;
    }
}

} // namespace sunshine::app
