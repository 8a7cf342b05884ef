#pragma once

#include "app/records/RecordForm.h"
#include "common/sync/RecordType.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <functional>
#include <memory>

namespace Ui {
class RecordDialog;
}

namespace sunshine::app {

class ClientSession;

// Enters a new record of a type or edits one, with the form built from the type's fields. Works offline: the
// change goes to the local cache and its outbox, and to the server at the next sync. Before saving, the
// record is checked with the rules the server applies and each problem is shown beside its field; only the
// fields the clerk changed are sent (a cleared field as null). A change the server returned is corrected here
// and sent again in place of the returned one.
class RecordDialog : public QDialog
{
    Q_OBJECT
public:
    // `placement`: where a new record goes (an existing record keeps its own org unit and department).
    // `recordId` empty: a new record with a fresh id; an id the cache does not hold: a new record with that
    // id.
    RecordDialog(ClientSession &session, const sync::RecordType &type, const sync::Placement &placement,
                 const QString &recordId = {}, QWidget *parent = nullptr);
    ~RecordDialog() override;

    RecordForm *form() const { return m_form; }
    QString recordId() const { return m_recordId; }
    bool isNewRecord() const { return m_new; }
    // The line under the title (by default the record's org unit and department).
    void setPlaceText(const QString &text);
    // The problems shown, by field ("" for the dialog-level one).
    QHash<QString, QString> problems() const;
    // For a new record whose id is fixed by its fields: computes the id from the fields when saving.
    void setRecordIdRule(std::function<QString(const QJsonObject &fields)> rule)
    {
        m_idRule = std::move(rule);
    }
    // The outbox operation the last successful save made (empty before).
    QString savedOperationId() const { return m_savedOp; }

public Q_SLOTS:
    void submit();

private:
    void loadRecord();
    void showMessage(const QString &message);

    std::unique_ptr<Ui::RecordDialog> ui;
    ClientSession &m_session;
    const sync::RecordType &m_type;
    sync::Placement m_placement;
    QString m_recordId;
    RecordForm *m_form = nullptr;
    QJsonObject m_current; // the local view before this edit
    std::function<QString(const QJsonObject &)> m_idRule;
    bool m_new = true;
    bool m_rejected = false;
    QString m_savedOp;
};

} // namespace sunshine::app
