#pragma once

#include "common/sync/RecordType.h"

#include <QDialog>
#include <QHash>
#include <memory>

class QLabel;

namespace Ui {
class ContactDialog;
}

namespace sunshine::app {

class ClientSession;

// Enters the leader in charge or the liaison of the clerk's department (Art. 22). Works offline: the change
// goes to the local cache and the outbox, and to the server at the next sync. Problems show beside their
// field, checked with the same rules the server applies; a change the server returned is corrected here and
// sent again.
class ContactDialog : public QDialog
{
    Q_OBJECT
public:
    ContactDialog(ClientSession &session, const QString &departmentId, const QString &contactRole,
                  QWidget *parent = nullptr);
    ~ContactDialog() override;

    QHash<QString, QString> fieldErrors() const;
    QString savedOperation() const { return m_savedOp; }
    void setValues(const QString &name, const QString &post, const QString &officePhone,
                   const QString &mobile);

public Q_SLOTS:
    void submit();

private:
    QJsonObject collect() const;
    sync::Placement placement() const;
    void showProblem(const QString &field, const QString &message);
    void clearProblems();
    void loadRecord();

    std::unique_ptr<Ui::ContactDialog> ui;
    ClientSession &m_session;
    QString m_departmentId;
    QString m_recordId;
    QJsonObject m_current; // the local view before this edit
    bool m_rejected = false;
    QHash<QString, QLabel *> m_errors;
    QString m_savedOp;
};

} // namespace sunshine::app
