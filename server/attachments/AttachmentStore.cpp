#include "server/attachments/AttachmentStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

DirectoryAttachmentStore::DirectoryAttachmentStore(QString root)
    : m_root(std::move(root))
{
    QDir().mkpath(m_root + u"/partial"_s);
}

QString DirectoryAttachmentStore::partialPath(const QString &sha256) const
{
    return m_root + u"/partial/"_s + sha256;
}

QString DirectoryAttachmentStore::finalPath(const QString &sha256) const
{
    return m_root + u'/' + sha256.left(2) + u'/' + sha256;
}

bool DirectoryAttachmentStore::writePartial(const QString &sha256, qint64 offset, const QByteArray &bytes,
                                            QString *error)
{
    QFile f(partialPath(sha256));
    if (!f.open(QIODevice::ReadWrite)) {
        *error = f.errorString();
        return false;
    }
    if (f.size() < offset) {
        *error = u"partial upload is shorter than the offset"_s;
        return false;
    }
    if (!f.resize(offset) || !f.seek(offset) || f.write(bytes) != bytes.size() || !f.flush()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

bool DirectoryAttachmentStore::complete(const QString &sha256, QString *error)
{
    QFile f(partialPath(sha256));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) {
        *error = f.errorString();
        return false;
    }
    f.close();
    if (QString::fromLatin1(hash.result().toHex()) != sha256) {
        dropPartial(sha256);
        *error = u"hash mismatch"_s;
        return false;
    }
    const QString target = finalPath(sha256);
    QDir().mkpath(QFileInfo(target).absolutePath());
    if (QFile::exists(target)) {
        dropPartial(sha256);
        return true;
    }
    if (!QFile::rename(partialPath(sha256), target)) {
        *error = u"cannot move the upload into place"_s;
        return false;
    }
    return true;
}

void DirectoryAttachmentStore::dropPartial(const QString &sha256)
{
    QFile::remove(partialPath(sha256));
}

bool DirectoryAttachmentStore::exists(const QString &sha256) const
{
    return QFile::exists(finalPath(sha256));
}

std::unique_ptr<QIODevice> DirectoryAttachmentStore::open(const QString &sha256) const
{
    auto f = std::make_unique<QFile>(finalPath(sha256));
    if (!f->open(QIODevice::ReadOnly))
        return nullptr;
    return f;
}

} // namespace sunshine
