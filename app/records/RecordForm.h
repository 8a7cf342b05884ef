#pragma once

#include "common/sync/RecordType.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace sunshine::app {

class LocalCache;

// The entry form of one record type, built from its FieldSpecs: one editor per field the clerk types
// (read-only and workflow-step fields are not shown; attachment fields are a list of file names with "Add
// files…" and "Remove"), labelled with the field's Chinese label (a
// red * when required), and under each editor the problem with it, checked with the record type's own rules
// when the clerk leaves the field and again for the whole record before saving.
//
// Money is typed in yuan ("1,234.56") and read back in fen; dates as 2026-03-31 (also 2026/3/31, 20260331) or
// from the calendar (Alt+Down); an empty optional field is left out of values().
class RecordForm : public QWidget
{
    Q_OBJECT
public:
    using Choices = QList<QPair<QString, QString>>; // (id, text)

    explicit RecordForm(const sync::RecordType &type, QWidget *parent = nullptr);
    ~RecordForm() override;

    const sync::RecordType &recordType() const { return m_type; }

    // Hides a field's editor; values() then leaves the field out (a record keeps what it had).
    void setFieldHidden(const QString &field, bool hidden = true);
    // A value the clerk cannot change (e.g. the household a member belongs to): always in values(); its
    // editor, if shown, is disabled. A null or undefined value makes the field editable again.
    void setFixedValue(const QString &field, const QJsonValue &value);
    // The records a Reference field may point at.
    void setReferenceChoices(const QString &field, const Choices &items);
    // A Text field chosen from a list (e.g. a fund line's code, shown by its name): its editor becomes a
    // combo of these (value, text) pairs; a value not among them is kept and shown as it is.
    void setTextChoices(const QString &field, const Choices &items);
    // Where attached files are kept (the session's cache): needed to add files, and to show their names.
    void setAttachmentStore(LocalCache *cache);
    // Shows form-level problems in `label` (e.g. the dialog's) instead of the form's own label.
    void setProblemLabel(QLabel *label);

    // Fills the editors (fields not given are emptied).
    void setValues(const QJsonObject &fields);
    // The typed values of the fields this form writes (see formFields()): money in fen, dates "yyyy-MM-dd",
    // choices and references as their wire values; empty optional fields are absent. A value that cannot be
    // read (e.g. "abc" for money) is given as the text typed, so the record's check names it.
    QJsonObject values() const;
    // `base` with every field this form writes replaced by values() (absent there: removed).
    QJsonObject merged(const QJsonObject &base) const;
    // The fields values() covers: those with a visible editor, and the fixed ones.
    QStringList formFields() const;

    // Checks one field as the clerk left it and shows or clears its message. True when fine.
    bool checkField(const QString &field);
    // Checks every field, then the whole record (merged over `base`, e.g. the record as it was) with
    // RecordType::checkRecord; shows each problem next to its field, or in the form-level label when the
    // field is not shown. Focuses the first field with a problem. True when the record may be saved.
    bool validate(const QString &recordId, const sync::Placement &placement, const sync::RuleContext &context,
                  const QJsonObject &base = {});
    // Shows `message` under `field`'s editor, or in the form-level label.
    void showProblem(const QString &field, const QString &message);
    void clearProblems();
    // The messages shown, by field ("" for the form-level one).
    QHash<QString, QString> problems() const;

    // The widget that takes the focus for `field` (a QLineEdit, QComboBox, QCheckBox or, for attachments, a
    // QListWidget), or null.
    QWidget *editor(const QString &field) const;
    QWidget *firstEditor() const;
    QWidget *lastEditor() const;

Q_SIGNALS:
    // The clerk changed a field.
    void edited(const QString &field);

private:
    struct Editor
    {
        sync::FieldSpec spec;
        QLabel *label = nullptr;
        QWidget *row = nullptr; // the editor with its helpers (calendar button, unit)
        QLineEdit *line = nullptr;
        QComboBox *combo = nullptr;
        QCheckBox *check = nullptr;
        QListWidget *list = nullptr; // Attachments: one item per file (text: its name, data: its SHA-256)
        QPushButton *addButton = nullptr;
        QPushButton *removeButton = nullptr;
        QLabel *error = nullptr;
        bool hidden = false;
        bool fixed = false;
        QJsonValue fixedValue;
        bool hadValue = false; // Boolean: the record had the field (an untouched unset box stays absent)
        bool dirty = false;    // changed by the clerk since setValues()
    };
    struct Parsed
    {
        QJsonValue value = QJsonValue::Undefined; // Undefined: empty
        QString error;                            // the text cannot be read as the field's kind
    };

    Editor *find(const QString &field);
    const Editor *find(const QString &field) const;
    void build();
    void buildEditor(Editor &e, int row);
    Parsed parse(const Editor &e) const;
    void load(Editor &e, const QJsonValue &value);
    void tidy(Editor &e); // rewrites what the clerk typed in its usual form (money grouped, ISO dates)
    bool shown(const Editor &e) const { return !e.hidden; }
    void fieldLeft(const QString &field);
    QLabel *problemLabel() const;
    void updateTabOrder();
    void addAttachments(const QString &field);
    void removeAttachment(const QString &field);
    void updateAttachmentButtons(Editor &e);
    QString attachmentLabel(const QString &sha) const;

    const sync::RecordType &m_type;
    std::vector<std::unique_ptr<Editor>> m_editors;
    QHash<QString, QJsonValue> m_fixedOther; // fixed values of fields without an editor
    QGridLayout *m_grid = nullptr;
    QLabel *m_ownProblem = nullptr;
    QLabel *m_externalProblem = nullptr;
    bool m_loading = false;
    LocalCache *m_attachments = nullptr;
};

// Reads a date as clerks type it: 2026-03-31, 2026-3-31, 2026/3/31, 2026.3.31, 20260331, 2026年3月31日.
QDate parseDateInput(const QString &text);

} // namespace sunshine::app
