#include "app/records/RecordForm.h"

#include "app/shell/FileDialog.h"
#include "app/sync/LocalCache.h"
#include "common/core/IdCard.h"
#include "common/core/Money.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

const QString kProblemStyle = u"color: #b00020;"_s;

bool editable(const sync::FieldSpec &spec)
{
    return !spec.readOnly && spec.kind != sync::FieldKind::StepList;
}

QString strippedMobile(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace() && c != u'-')
            out.append(c);
    }
    return out;
}

} // namespace

QDate parseDateInput(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    static const QRegularExpression compact(u"^(\\d{4})(\\d{2})(\\d{2})$"_s);
    static const QRegularExpression separated(
        u"^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$"_s);
    QRegularExpressionMatch m = compact.match(t);
    if (!m.hasMatch())
        m = separated.match(t);
    if (!m.hasMatch())
        return {};
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return d.isValid() && d.year() >= 1900 ? d : QDate();
}

RecordForm::RecordForm(const sync::RecordType &type, QWidget *parent)
    : QWidget(parent)
    , m_type(type)
{
    build();
}

RecordForm::~RecordForm()
{
    // Closing the window moves the focus out of an editor, whose "left the field" check must not run on a
    // half-destroyed form.
    const QList<QObject *> all = findChildren<QObject *>();
    for (QObject *o : all)
        o->disconnect(this);
}

void RecordForm::build()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(6);
    m_grid->setColumnStretch(1, 1);
    outer->addLayout(m_grid);
    m_ownProblem = new QLabel(this);
    m_ownProblem->setWordWrap(true);
    m_ownProblem->setStyleSheet(kProblemStyle);
    m_ownProblem->hide();
    outer->addWidget(m_ownProblem);
    outer->addStretch(1);

    const QList<sync::FieldSpec> specs = m_type.fields();
    int row = 0;
    for (const sync::FieldSpec &spec : specs) {
        if (!editable(spec))
            continue;
        auto e = std::make_unique<Editor>();
        e->spec = spec;
        buildEditor(*e, row);
        row += 2;
        m_editors.push_back(std::move(e));
    }
    updateTabOrder();
}

void RecordForm::buildEditor(Editor &e, int row)
{
    const sync::FieldSpec &spec = e.spec;
    const QString name = spec.name;
    QWidget *focus = nullptr;
    QWidget *cell = nullptr;

    auto lineEdit = [&](int maxLength, const QString &placeholder) {
        e.line = new QLineEdit(this);
        e.line->setMaxLength(maxLength);
        e.line->setPlaceholderText(placeholder);
        e.line->setObjectName(name);
        connect(e.line, &QLineEdit::textEdited, this, [this, name] {
            if (Editor *ed = find(name))
                ed->dirty = true;
            Q_EMIT edited(name);
        });
        connect(e.line, &QLineEdit::editingFinished, this, [this, name] { fieldLeft(name); });
        focus = e.line;
        cell = e.line;
    };
    auto withUnit = [&](const QString &unit) {
        auto *box = new QWidget(this);
        auto *h = new QHBoxLayout(box);
        h->setContentsMargins(0, 0, 0, 0);
        h->setSpacing(6);
        e.line->setParent(box);
        h->addWidget(e.line, 1);
        auto *u = new QLabel(unit, box);
        h->addWidget(u);
        cell = box;
    };

    switch (spec.kind) {
    case sync::FieldKind::Text:
        lineEdit(spec.maxLength > 0 ? spec.maxLength : 32767, QString());
        break;
    case sync::FieldKind::Phone:
        lineEdit(32, u"0513-85012345"_s);
        break;
    case sync::FieldKind::Mobile:
        lineEdit(32, u"13812345678"_s);
        break;
    case sync::FieldKind::IdNumber:
        lineEdit(32, tr("18 characters, the last may be X"));
        break;
    case sync::FieldKind::Integer:
        lineEdit(20, QString());
        e.line->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case sync::FieldKind::Number:
        lineEdit(32, QString());
        e.line->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case sync::FieldKind::Money:
        lineEdit(32, u"0.00"_s);
        e.line->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        e.line->setToolTip(tr("Amount in yuan, e.g. 1,234.56"));
        withUnit(tr("yuan"));
        break;
    case sync::FieldKind::Date: {
        lineEdit(32, u"2026-03-31"_s);
        auto *box = new QWidget(this);
        auto *h = new QHBoxLayout(box);
        h->setContentsMargins(0, 0, 0, 0);
        h->setSpacing(2);
        e.line->setParent(box);
        h->addWidget(e.line, 1);
        auto *button = new QToolButton(box);
        button->setArrowType(Qt::DownArrow);
        button->setFocusPolicy(Qt::NoFocus);
        button->setToolTip(tr("Choose from the calendar (Alt+Down)"));
        button->setObjectName(name + u"Calendar"_s);
        h->addWidget(button);
        auto *menu = new QMenu(button);
        auto *calendar = new QCalendarWidget(menu);
        calendar->setFirstDayOfWeek(Qt::Monday);
        calendar->setGridVisible(true);
        auto *action = new QWidgetAction(menu);
        action->setDefaultWidget(calendar);
        menu->addAction(action);
        QLineEdit *line = e.line;
        auto open = [line, calendar, menu] {
            const QDate current = parseDateInput(line->text());
            calendar->setSelectedDate(current.isValid() ? current : QDate::currentDate());
            menu->popup(line->mapToGlobal(QPoint(0, line->height())));
            calendar->setFocus();
        };
        connect(button, &QToolButton::clicked, this, open);
        auto *shortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), line);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, open);
        auto *f4 = new QShortcut(QKeySequence(Qt::Key_F4), line);
        f4->setContext(Qt::WidgetShortcut);
        connect(f4, &QShortcut::activated, this, open);
        auto picked = [this, name, line, menu](QDate date) {
            line->setText(date.toString(Qt::ISODate));
            menu->close();
            line->setFocus();
            if (Editor *ed = find(name))
                ed->dirty = true;
            Q_EMIT edited(name);
            fieldLeft(name);
        };
        connect(calendar, &QCalendarWidget::activated, this, picked);
        connect(calendar, &QCalendarWidget::clicked, this, picked);
        cell = box;
        break;
    }
    case sync::FieldKind::Choice:
    case sync::FieldKind::Reference: {
        e.combo = new QComboBox(this);
        e.combo->setObjectName(name);
        e.combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        e.combo->setMinimumContentsLength(12);
        if (!spec.required)
            e.combo->addItem(QString(), QString());
        else
            e.combo->setPlaceholderText(tr("Please choose"));
        if (spec.kind == sync::FieldKind::Choice) {
            for (const QString &value : spec.choices)
                e.combo->addItem(spec.choiceLabel(value), value);
        }
        e.combo->setCurrentIndex(spec.required ? -1 : 0);
        connect(e.combo, &QComboBox::activated, this, [this, name] {
            if (Editor *ed = find(name))
                ed->dirty = true;
        });
        connect(e.combo, &QComboBox::currentIndexChanged, this, [this, name] {
            if (m_loading)
                return;
            Q_EMIT edited(name);
            fieldLeft(name);
        });
        focus = e.combo;
        cell = e.combo;
        break;
    }
    case sync::FieldKind::Boolean:
        e.check = new QCheckBox(this);
        e.check->setObjectName(name);
        connect(e.check, &QCheckBox::toggled, this, [this, name] {
            if (m_loading)
                return;
            if (Editor *ed = find(name))
                ed->dirty = true;
            Q_EMIT edited(name);
            fieldLeft(name);
        });
        focus = e.check;
        cell = e.check;
        break;
    case sync::FieldKind::Attachments: {
        auto *box = new QWidget(this);
        auto *h = new QHBoxLayout(box);
        h->setContentsMargins(0, 0, 0, 0);
        h->setSpacing(6);
        e.list = new QListWidget(box);
        e.list->setObjectName(name);
        e.list->setSelectionMode(QAbstractItemView::SingleSelection);
        e.list->setMaximumHeight(e.list->fontMetrics().height() * 6);
        e.list->setAccessibleName(spec.displayName());
        h->addWidget(e.list, 1);
        auto *buttons = new QVBoxLayout;
        buttons->setSpacing(4);
        e.addButton = new QPushButton(tr("Add files…"), box);
        e.addButton->setObjectName(name + u"Add"_s);
        e.addButton->setAutoDefault(false);
        e.removeButton = new QPushButton(tr("Remove"), box);
        e.removeButton->setObjectName(name + u"Remove"_s);
        e.removeButton->setAutoDefault(false);
        buttons->addWidget(e.addButton);
        buttons->addWidget(e.removeButton);
        buttons->addStretch(1);
        h->addLayout(buttons);
        connect(e.addButton, &QPushButton::clicked, this, [this, name] { addAttachments(name); });
        connect(e.removeButton, &QPushButton::clicked, this, [this, name] { removeAttachment(name); });
        connect(e.list, &QListWidget::currentRowChanged, this, [this, name] {
            if (Editor *ed = find(name))
                updateAttachmentButtons(*ed);
        });
        // Delete removes the selected file, Insert adds, from the list itself.
        auto *del = new QShortcut(QKeySequence::Delete, e.list);
        del->setContext(Qt::WidgetShortcut);
        connect(del, &QShortcut::activated, this, [this, name] { removeAttachment(name); });
        auto *ins = new QShortcut(QKeySequence(Qt::Key_Insert), e.list);
        ins->setContext(Qt::WidgetShortcut);
        connect(ins, &QShortcut::activated, this, [this, name] { addAttachments(name); });
        if (spec.maxLength > 0)
            e.list->setToolTip(
                tr("At most %n file(s); Insert adds, Delete removes.", nullptr, spec.maxLength));
        focus = e.list;
        cell = box;
        updateAttachmentButtons(e);
        break;
    }
    case sync::FieldKind::StepList:
        return; // not typed into a form
    }

    const QString star = spec.required ? u"<span style=\"color:#b00020;\">*</span>&nbsp;"_s : QString();
    e.label = new QLabel(star + tr("%1:").arg(spec.displayName().toHtmlEscaped()), this);
    e.label->setTextFormat(Qt::RichText);
    e.label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    e.label->setBuddy(focus);
    e.row = cell;
    e.error = new QLabel(this);
    e.error->setWordWrap(true);
    e.error->setStyleSheet(kProblemStyle);
    e.error->setObjectName(name + u"Error"_s);
    e.error->hide();
    if (spec.required)
        focus->setAccessibleDescription(tr("Required"));
    m_grid->addWidget(e.label, row, 0);
    m_grid->addWidget(cell, row, 1);
    m_grid->addWidget(e.error, row + 1, 1);
}

RecordForm::Editor *RecordForm::find(const QString &field)
{
    for (const auto &e : m_editors) {
        if (e->spec.name == field)
            return e.get();
    }
    return nullptr;
}

const RecordForm::Editor *RecordForm::find(const QString &field) const
{
    for (const auto &e : m_editors) {
        if (e->spec.name == field)
            return e.get();
    }
    return nullptr;
}

QWidget *RecordForm::editor(const QString &field) const
{
    const Editor *e = find(field);
    if (!e)
        return nullptr;
    if (e->line)
        return e->line;
    if (e->combo)
        return e->combo;
    if (e->list)
        return e->list;
    return e->check;
}

QWidget *RecordForm::firstEditor() const
{
    for (const auto &e : m_editors) {
        if (!e->hidden && !e->fixed)
            return editor(e->spec.name);
    }
    return nullptr;
}

QWidget *RecordForm::lastEditor() const
{
    for (auto it = m_editors.rbegin(); it != m_editors.rend(); ++it) {
        if (!(*it)->hidden && !(*it)->fixed)
            return (*it)->list ? (*it)->removeButton
                               : editor((*it)->spec.name); // the list's buttons come last
    }
    return nullptr;
}

void RecordForm::updateTabOrder()
{
    QWidget *previous = nullptr;
    for (const auto &e : m_editors) {
        QWidget *w = editor(e->spec.name);
        if (!w || e->hidden)
            continue;
        if (previous)
            setTabOrder(previous, w);
        previous = w;
        if (e->list) {
            setTabOrder(previous, e->addButton);
            setTabOrder(e->addButton, e->removeButton);
            previous = e->removeButton;
        }
    }
}

void RecordForm::setAttachmentStore(LocalCache *cache)
{
    m_attachments = cache;
    for (const auto &e : m_editors) {
        if (!e->list)
            continue;
        for (int i = 0; i < e->list->count(); ++i) {
            QListWidgetItem *item = e->list->item(i);
            item->setText(attachmentLabel(item->data(Qt::UserRole).toString()));
        }
        updateAttachmentButtons(*e);
    }
}

QString RecordForm::attachmentLabel(const QString &sha) const
{
    const QString name = m_attachments ? m_attachments->attachmentName(sha) : QString();
    return name.isEmpty() ? sha.left(12) : name;
}

void RecordForm::updateAttachmentButtons(Editor &e)
{
    if (!e.list)
        return;
    const int max = e.spec.maxLength;
    e.addButton->setEnabled(m_attachments && (max <= 0 || e.list->count() < max));
    e.removeButton->setEnabled(e.list->currentRow() >= 0);
}

void RecordForm::addAttachments(const QString &field)
{
    Editor *e = find(field);
    if (!e || !e->list || e->fixed || !m_attachments || !e->addButton->isEnabled())
        return;
    const QStringList paths = FileDialog::getOpenFileNames(
        this, tr("Add files to %1").arg(e->spec.displayName()), QString(),
        tr("Images and PDF (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp *.pdf);;All files (*)"));
    if (paths.isEmpty())
        return;
    QStringList problems;
    const int max = e->spec.maxLength;
    bool changed = false;
    for (const QString &path : paths) {
        if (max > 0 && e->list->count() >= max) {
            problems.append(tr("At most %n file(s) can be attached here.", nullptr, max));
            break;
        }
        QString error;
        const QString sha = m_attachments->addAttachment(path, &error);
        if (sha.isEmpty()) {
            problems.append(error);
            continue;
        }
        bool present = false;
        for (int i = 0; i < e->list->count() && !present; ++i)
            present = e->list->item(i)->data(Qt::UserRole).toString() == sha;
        if (present)
            continue;
        auto *item = new QListWidgetItem(attachmentLabel(sha), e->list);
        item->setData(Qt::UserRole, sha);
        item->setToolTip(sha);
        e->list->setCurrentItem(item);
        changed = true;
    }
    updateAttachmentButtons(*e);
    if (changed) {
        e->dirty = true;
        Q_EMIT edited(field);
        checkField(field);
    }
    if (!problems.isEmpty()) {
        e->error->setText(problems.join(u'\n'));
        e->error->show();
    }
    e->list->setFocus(Qt::OtherFocusReason);
}

void RecordForm::removeAttachment(const QString &field)
{
    Editor *e = find(field);
    if (!e || !e->list || e->fixed)
        return;
    const int row = e->list->currentRow();
    if (row < 0)
        return;
    delete e->list->takeItem(row);
    updateAttachmentButtons(*e);
    e->dirty = true;
    Q_EMIT edited(field);
    checkField(field);
    e->list->setFocus(Qt::OtherFocusReason);
}

void RecordForm::setFieldHidden(const QString &field, bool hidden)
{
    Editor *e = find(field);
    if (!e)
        return;
    e->hidden = hidden;
    e->label->setVisible(!hidden);
    e->row->setVisible(!hidden);
    if (hidden)
        e->error->hide();
    updateTabOrder();
}

void RecordForm::setFixedValue(const QString &field, const QJsonValue &value)
{
    const bool fixed = !value.isUndefined() && !value.isNull();
    Editor *e = find(field);
    if (!e) {
        if (fixed)
            m_fixedOther.insert(field, value);
        else
            m_fixedOther.remove(field);
        return;
    }
    e->fixed = fixed;
    e->fixedValue = fixed ? value : QJsonValue(QJsonValue::Undefined);
    if (fixed) {
        m_loading = true;
        load(*e, value);
        m_loading = false;
        e->error->hide();
    }
    e->row->setEnabled(!fixed);
}

void RecordForm::setReferenceChoices(const QString &field, const Choices &items)
{
    Editor *e = find(field);
    if (!e || !e->combo || e->spec.kind != sync::FieldKind::Reference)
        return;
    m_loading = true;
    const QString current = e->combo->currentData().toString();
    e->combo->clear();
    if (!e->spec.required)
        e->combo->addItem(QString(), QString());
    for (const auto &item : items)
        e->combo->addItem(item.second, item.first);
    int index = current.isEmpty() ? -1 : e->combo->findData(current);
    if (index < 0 && !current.isEmpty()) {
        e->combo->addItem(current, current);
        index = e->combo->count() - 1;
    }
    e->combo->setCurrentIndex(index >= 0 ? index : (e->spec.required ? -1 : 0));
    m_loading = false;
}

void RecordForm::setTextChoices(const QString &field, const Choices &items)
{
    Editor *e = find(field);
    if (!e || e->spec.kind != sync::FieldKind::Text || (!e->line && !e->combo))
        return;
    m_loading = true;
    QString current;
    if (e->line) {
        current = e->line->text().trimmed();
        e->combo = new QComboBox(this);
        e->combo->setObjectName(field);
        e->combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        e->combo->setMinimumContentsLength(24);
        e->combo->setEnabled(e->row->isEnabled());
        e->combo->setVisible(!e->hidden);
        delete m_grid->replaceWidget(e->row, e->combo);
        if (e->line->hasFocus() || window()->focusWidget() == e->line)
            e->combo->setFocus(Qt::OtherFocusReason);
        e->line->disconnect(this);
        e->row->hide();
        if (e->row != e->line)
            e->row->deleteLater();
        e->line->deleteLater();
        e->line = nullptr;
        e->row = e->combo;
        e->label->setBuddy(e->combo);
        connect(e->combo, &QComboBox::activated, this, [this, field] {
            if (Editor *ed = find(field))
                ed->dirty = true;
        });
        connect(e->combo, &QComboBox::currentIndexChanged, this, [this, field] {
            if (m_loading)
                return;
            Q_EMIT edited(field);
            fieldLeft(field);
        });
        if (e->spec.required)
            e->combo->setAccessibleDescription(tr("Required"));
        updateTabOrder();
    } else {
        current = e->combo->currentData().toString();
    }
    e->combo->clear();
    if (!e->spec.required)
        e->combo->addItem(QString(), QString());
    else
        e->combo->setPlaceholderText(tr("Please choose"));
    for (const auto &item : items)
        e->combo->addItem(item.second, item.first);
    int index = current.isEmpty() ? -1 : e->combo->findData(current);
    if (index < 0 && !current.isEmpty()) {
        e->combo->addItem(current, current);
        index = e->combo->count() - 1;
    }
    e->combo->setCurrentIndex(index >= 0 ? index : (e->spec.required ? -1 : 0));
    m_loading = false;
}

void RecordForm::setProblemLabel(QLabel *label)
{
    m_externalProblem = label;
    m_ownProblem->hide();
}

QLabel *RecordForm::problemLabel() const
{
    return m_externalProblem ? m_externalProblem : m_ownProblem;
}

void RecordForm::load(Editor &e, const QJsonValue &value)
{
    const sync::FieldSpec &spec = e.spec;
    const bool empty = value.isUndefined() || value.isNull();
    if (spec.kind == sync::FieldKind::Text && e.combo) { // chosen from a list (setTextChoices)
        const QString v = value.toString();
        int index = v.isEmpty() ? -1 : e.combo->findData(v);
        if (index < 0 && !v.isEmpty()) {
            e.combo->addItem(v, v);
            index = e.combo->count() - 1;
        }
        e.combo->setCurrentIndex(index >= 0 ? index : (spec.required ? -1 : 0));
        return;
    }
    switch (spec.kind) {
    case sync::FieldKind::Text:
    case sync::FieldKind::Phone:
    case sync::FieldKind::Mobile:
    case sync::FieldKind::IdNumber:
    case sync::FieldKind::Date:
        e.line->setText(value.toString());
        break;
    case sync::FieldKind::Integer:
        e.line->setText(empty ? QString() : QString::number(value.toInteger()));
        break;
    case sync::FieldKind::Number:
        e.line->setText(empty ? QString()
                              : QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest));
        break;
    case sync::FieldKind::Money:
        e.line->setText(empty ? QString() : money::formatYuan(value.toInteger()));
        break;
    case sync::FieldKind::Choice:
    case sync::FieldKind::Reference: {
        const QString v = value.toString();
        int index = v.isEmpty() ? -1 : e.combo->findData(v);
        if (index < 0 && !v.isEmpty()) {
            // Not among the choices offered (e.g. a household not loaded): kept, shown as it is.
            e.combo->addItem(spec.kind == sync::FieldKind::Choice ? spec.choiceLabel(v) : v, v);
            index = e.combo->count() - 1;
        }
        e.combo->setCurrentIndex(index >= 0 ? index : (spec.required ? -1 : 0));
        break;
    }
    case sync::FieldKind::Boolean:
        e.check->setChecked(value.toBool());
        e.hadValue = value.isBool();
        break;
    case sync::FieldKind::Attachments: {
        e.list->clear();
        const QJsonArray items = value.toArray();
        for (const QJsonValue &v : items) {
            const QString sha = v.toString();
            auto *item = new QListWidgetItem(attachmentLabel(sha), e.list);
            item->setData(Qt::UserRole, sha);
            item->setToolTip(sha);
        }
        updateAttachmentButtons(e);
        break;
    }
    case sync::FieldKind::StepList:
        break;
    }
}

void RecordForm::setValues(const QJsonObject &fields)
{
    m_loading = true;
    for (const auto &e : m_editors) {
        if (e->fixed)
            continue;
        load(*e, fields.value(e->spec.name));
        e->dirty = false;
    }
    m_loading = false;
    clearProblems();
}

RecordForm::Parsed RecordForm::parse(const Editor &e) const
{
    Parsed p;
    if (e.fixed) {
        p.value = e.fixedValue;
        return p;
    }
    const sync::FieldSpec &spec = e.spec;
    const QString text = e.line ? e.line->text().trimmed() : QString();
    switch (spec.kind) {
    case sync::FieldKind::Text:
        if (e.combo) {
            const QString v = e.combo->currentIndex() >= 0 ? e.combo->currentData().toString() : QString();
            if (!v.isEmpty())
                p.value = v;
        } else if (!text.isEmpty()) {
            p.value = text;
        }
        break;
    case sync::FieldKind::Phone:
        if (!text.isEmpty())
            p.value = text;
        break;
    case sync::FieldKind::Mobile:
        if (!text.isEmpty())
            p.value = strippedMobile(text);
        break;
    case sync::FieldKind::IdNumber:
        if (!text.isEmpty()) {
            // Full-width digits and a small x are put right; anything else is left for the check to name.
            const IdCard card = IdCard::parse(text, QDate(9999, 12, 31));
            p.value = card.isValid() ? card.number() : text.toUpper();
        }
        break;
    case sync::FieldKind::Integer:
        if (!text.isEmpty()) {
            bool ok = false;
            const qint64 v = text.toLongLong(&ok);
            if (ok && qAbs(v) <= 9007199254740991LL)
                p.value = v;
            else
                p.error = tr("“%1”: enter a whole number, e.g. 3").arg(spec.displayName());
        }
        break;
    case sync::FieldKind::Number:
        if (!text.isEmpty()) {
            bool ok = false;
            const double v = text.toDouble(&ok);
            if (ok && std::isfinite(v))
                p.value = v;
            else
                p.error = tr("“%1”: enter a number, e.g. 120.5").arg(spec.displayName());
        }
        break;
    case sync::FieldKind::Money:
        if (!text.isEmpty()) {
            const money::ParseResult r = money::parseYuan(text, true);
            if (r.fen)
                p.value = qint64(*r.fen);
            else
                p.error = tr("“%1”: %2").arg(spec.displayName(), money::parseErrorMessage(r.error));
        }
        break;
    case sync::FieldKind::Date:
        if (!text.isEmpty()) {
            const QDate d = parseDateInput(text);
            if (d.isValid())
                p.value = d.toString(Qt::ISODate);
            else
                p.error = tr("“%1”: enter a date such as 2026-03-31").arg(spec.displayName());
        }
        break;
    case sync::FieldKind::Choice:
    case sync::FieldKind::Reference: {
        const QString v = e.combo->currentIndex() >= 0 ? e.combo->currentData().toString() : QString();
        if (!v.isEmpty())
            p.value = v;
        break;
    }
    case sync::FieldKind::Boolean:
        if (e.check->isChecked())
            p.value = true;
        else if (spec.required || e.hadValue)
            p.value = false;
        break;
    case sync::FieldKind::Attachments: {
        QJsonArray shas;
        for (int i = 0; i < e.list->count(); ++i)
            shas.append(e.list->item(i)->data(Qt::UserRole).toString());
        if (!shas.isEmpty())
            p.value = shas;
        break;
    }
    case sync::FieldKind::StepList:
        break;
    }
    return p;
}

QJsonObject RecordForm::values() const
{
    QJsonObject out;
    for (const auto &e : m_editors) {
        if (e->hidden && !e->fixed)
            continue;
        const Parsed p = parse(*e);
        if (!p.error.isEmpty())
            out.insert(e->spec.name, e->line ? e->line->text().trimmed() : QString());
        else if (!p.value.isUndefined() && !p.value.isNull())
            out.insert(e->spec.name, p.value);
    }
    for (auto it = m_fixedOther.constBegin(); it != m_fixedOther.constEnd(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QStringList RecordForm::formFields() const
{
    QStringList out;
    for (const auto &e : m_editors) {
        if (!e->hidden || e->fixed)
            out.append(e->spec.name);
    }
    for (auto it = m_fixedOther.constBegin(); it != m_fixedOther.constEnd(); ++it)
        out.append(it.key());
    return out;
}

QJsonObject RecordForm::merged(const QJsonObject &base) const
{
    QJsonObject out = base;
    const QStringList fields = formFields();
    for (const QString &f : fields)
        out.remove(f);
    const QJsonObject v = values();
    for (auto it = v.constBegin(); it != v.constEnd(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

void RecordForm::tidy(Editor &e)
{
    if (!e.line || e.fixed)
        return;
    const Parsed p = parse(e);
    if (!p.error.isEmpty() || p.value.isUndefined())
        return;
    QString text;
    switch (e.spec.kind) {
    case sync::FieldKind::Money:
        text = money::formatYuan(p.value.toInteger());
        break;
    case sync::FieldKind::Date:
    case sync::FieldKind::IdNumber:
    case sync::FieldKind::Mobile:
        text = p.value.toString();
        break;
    default:
        return;
    }
    if (text != e.line->text())
        e.line->setText(text);
}

void RecordForm::fieldLeft(const QString &field)
{
    if (m_loading)
        return;
    Editor *e = find(field);
    if (!e)
        return;
    tidy(*e);
    checkField(field);
}

bool RecordForm::checkField(const QString &field)
{
    Editor *e = find(field);
    if (!e || e->hidden || e->fixed)
        return true;
    const Parsed p = parse(*e);
    QString message = p.error;
    if (message.isEmpty()) {
        if (p.value.isUndefined()) {
            // An empty required field is named when the clerk emptied it, or when saving; not while tabbing
            // through a new form.
            if (e->spec.required && e->dirty) {
                if (const auto problem = m_type.checkField(field, QJsonValue::Null))
                    message = problem->message;
            }
        } else if (const auto problem = m_type.checkField(field, p.value)) {
            message = problem->message;
        }
    }
    e->error->setText(message);
    e->error->setVisible(!message.isEmpty());
    return message.isEmpty();
}

bool RecordForm::validate(const QString &recordId, const sync::Placement &placement,
                          const sync::RuleContext &context, const QJsonObject &base)
{
    clearProblems();
    QWidget *first = nullptr;
    for (const auto &e : m_editors) {
        if (e->hidden || e->fixed)
            continue;
        const Parsed p = parse(*e);
        QString message = p.error;
        if (message.isEmpty()) {
            const QJsonValue v = p.value.isUndefined() ? QJsonValue(QJsonValue::Null) : p.value;
            if (const auto problem = m_type.checkField(e->spec.name, v))
                message = problem->message;
        }
        if (!message.isEmpty()) {
            showProblem(e->spec.name, message);
            if (!first)
                first = editor(e->spec.name);
        }
    }
    if (!first) {
        const QJsonObject record = merged(base);
        if (const auto problem = m_type.checkRecord(recordId, record, placement, context)) {
            showProblem(problem->field, problem->message);
            const Editor *e = find(problem->field);
            if (e && !e->hidden && !e->fixed)
                first = editor(problem->field);
            else
                return false;
        }
    }
    if (first) {
        first->setFocus(Qt::OtherFocusReason);
        return false;
    }
    return true;
}

void RecordForm::showProblem(const QString &field, const QString &message)
{
    Editor *e = field.isEmpty() ? nullptr : find(field);
    QLabel *label = e && !e->hidden ? e->error : problemLabel();
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void RecordForm::clearProblems()
{
    for (const auto &e : m_editors) {
        e->error->clear();
        e->error->hide();
    }
    problemLabel()->clear();
    problemLabel()->hide();
}

QHash<QString, QString> RecordForm::problems() const
{
    QHash<QString, QString> out;
    for (const auto &e : m_editors) {
        if (!e->error->isHidden() && !e->error->text().isEmpty())
            out.insert(e->spec.name, e->error->text());
    }
    const QLabel *label = problemLabel();
    if (!label->isHidden() && !label->text().isEmpty())
        out.insert(QString(), label->text());
    return out;
}

} // namespace sunshine::app
