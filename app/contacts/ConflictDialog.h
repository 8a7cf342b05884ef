#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <memory>

class QButtonGroup;

namespace Ui {
class ConflictDialog;
}

namespace sunshine::app {

class ClientSession;

// Someone else changed the same fields of a record meanwhile. Shows the clerk's values and the server's side
// by side, field by field, and sends the chosen mix as a new change; nothing of either side is lost before
// the choice.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    ConflictDialog(ClientSession &session, const QString &recordId, QWidget *parent = nullptr);
    ~ConflictDialog() override;

    // The fields in dispute.
    QStringList fields() const { return m_groups.keys(); }
    // Choose "mine" (true) or "theirs" (false) for a field; for tests and keyboard users.
    void choose(const QString &field, bool mine);

public Q_SLOTS:
    void submit();
    // Takes the server's version as it is, also when the record was deleted there.
    void acceptTheirs();

private:
    std::unique_ptr<Ui::ConflictDialog> ui;
    ClientSession &m_session;
    QString m_recordId;
    QJsonObject m_mine;
    QJsonObject m_theirs;
    bool m_theirsDeleted = false;
    QHash<QString, QButtonGroup *> m_groups;
};

} // namespace sunshine::app
