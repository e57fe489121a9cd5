#pragma once

#include <QJsonArray>
#include <QWidget>

class QComboBox;
class QPushButton;
class QTableWidget;

namespace weft {

/// The rules of a validate step as a table, one check per row: the field, the check
/// (required, length, pattern, range, allowed values, unique, exists, condition), its value
/// and what a broken rule does (fail, skip, warn). Every change emits the whole rule list
/// (docs/project-format.md, "Validate rules"), which the step page pushes as one undo step.
class ValidateRulesEdit final : public QWidget
{
    Q_OBJECT
public:
    /// The checks, in the order the check column offers them.
    enum Check { Required, Length, Pattern, Range, Values, Unique, Exists, Condition };

    explicit ValidateRulesEdit(QWidget *parent = nullptr);

    /// Shows rules; a rule with several checks shows as one row per check.
    void setRules(const QJsonArray &rules);
    /// The rules the table holds, one object per row.
    QJsonArray rules() const;
    QTableWidget *table() const { return m_table; }
    /// The check column's and the severity column's editors of a row (tests drive them).
    QComboBox *checkBox(int row) const;
    QComboBox *severityBox(int row) const;
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    /// The user changed the rules; `text` names the change for the undo stack.
    void edited(const QJsonArray &rules, const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void addRow(const QString &field, Check check, const QString &value, const QString &severity,
                const QString &message);
    void retranslate();
    void emitEdited(const QString &text);

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_loading = false;
};

} // namespace weft
