#pragma once

#include "core/model/project.h"

#include <QGroupBox>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableWidget;

namespace weft {

class ProjectDocument;

/// The project's environments (测试, 生产, …) in its properties: add, rename (edit the name
/// in the list), remove, make one active, and edit the chosen one's variables — each a value
/// or a secret reference (environment variable, keychain entry, plain text). Every edit is
/// one undo step (EditEnvironmentsCommand).
class EnvironmentsEditor final : public QGroupBox
{
    Q_OBJECT
public:
    /// How a variable's value is given: the Kind column, in this order.
    enum class Kind { Value, EnvVariable, Keychain, Plain };

    explicit EnvironmentsEditor(ProjectDocument *doc, QWidget *parent = nullptr);

    QListWidget *environmentList() const { return m_list; }
    QTableWidget *variableTable() const { return m_table; }
    /// The environment whose variables the table shows.
    QString currentEnvironment() const;

    void addEnvironment();
    void removeEnvironment();
    void makeActive();
    void addVariable();
    void removeVariable();
    /// Sets the kind of the table's row (as choosing it in the row's Kind box does).
    void setVariableKind(int row, Kind kind);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void load();
    void showVariables();
    void renamed(QListWidgetItem *item);
    void cellEdited(int row, int column);
    /// The table as variables; false (and a message) when two rows share a name.
    bool tableVariables(QJsonObject *out) const;
    void commitTable(const QString &text);
    /// Puts every variable name back to what the project holds (a refused rename).
    void revertNames();
    void push(const QList<Environment> &environments, const QString &active, const QString &text);

    ProjectDocument *m_doc;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_activate;
    QLabel *m_variablesLabel;
    QTableWidget *m_table;
    QPushButton *m_addVariable;
    QPushButton *m_removeVariable;
    QLabel *m_message;
    QString m_current;
    QString m_shownEnvironment; ///< whose variables the table holds
    bool m_loading = false;
};

} // namespace weft
