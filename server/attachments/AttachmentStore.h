#pragma once

#include <QByteArray>
#include <QString>
#include <memory>

class QIODevice;

namespace sunshine {

// Where attachment bytes live, named by their SHA-256. A directory by default; an object store can take its
// place.
class AttachmentStore
{
public:
    virtual ~AttachmentStore() = default;

    // Writes `bytes` at `offset` of the partial upload (cutting off anything after offset first, so an upload
    // interrupted between writing the file and recording the offset continues cleanly). False with a reason.
    virtual bool writePartial(const QString &sha256, qint64 offset, const QByteArray &bytes,
                              QString *error) = 0;
    // Verifies the partial upload's SHA-256 and makes it permanent. False (and the partial upload dropped) on
    // mismatch.
    virtual bool complete(const QString &sha256, QString *error) = 0;
    virtual void dropPartial(const QString &sha256) = 0;
    virtual bool exists(const QString &sha256) const = 0;
    // The finished file for reading, or null.
    virtual std::unique_ptr<QIODevice> open(const QString &sha256) const = 0;
};

class DirectoryAttachmentStore final : public AttachmentStore
{
public:
    explicit DirectoryAttachmentStore(QString root);

    bool writePartial(const QString &sha256, qint64 offset, const QByteArray &bytes, QString *error) override;
    bool complete(const QString &sha256, QString *error) override;
    void dropPartial(const QString &sha256) override;
    bool exists(const QString &sha256) const override;
    std::unique_ptr<QIODevice> open(const QString &sha256) const override;

private:
    QString partialPath(const QString &sha256) const;
    QString finalPath(const QString &sha256) const;

    QString m_root;
};

} // namespace sunshine
