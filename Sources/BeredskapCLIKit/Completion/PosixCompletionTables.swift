/// The lookup tables the bash and zsh scripts share, as shell functions of the command path.
///
/// - `_P_commands PATH`: the subcommands of PATH, space-separated (empty for a leaf);
/// - `_P_options PATH`: the options accepted there, its own and the global ones;
/// - `_P_value PATH OPTION`: what OPTION's value offers (`words …`, `files`, `dirs`, `any`),
///   failing when OPTION is a flag or unknown, which is how the walk knows to skip a value;
/// - `_P_argument PATH INDEX`: what the INDEX-th positional word (from 0) offers;
/// - `_P_walk WORD...`: the words typed before the one being completed, walked to the command
///   path: it sets the caller's `here` (the path), `arguments` (positional words so far) and
///   `ended` (after `--`). An option's value is skipped, so `--facility list` is not taken for a
///   command; `--name=value` is one word in zsh and three in bash (`--name`, `=`, `value`);
///   `help` at the root is `beredskap help …`.
///
/// Plain `case` statements and `[[ ]]`: the same text is valid bash and zsh, whose `local`
/// variables the functions they call can set.
struct PosixCompletionTables {
    let model: CompletionModel

    var prefix: String { "_\(model.program.replacing("-", with: "_"))" }

    func render() -> String {
        [commands(), options(), values(), arguments(), walk()].joined(separator: "\n\n")
    }

    private func commands() -> String {
        let rows = model.nodes.filter { !$0.subcommands.isEmpty }.map { node in
            "        \(ShellQuoting.posix(node.key))) echo \(ShellQuoting.posix(node.subcommands.map(\.name).joined(separator: " "))) ;;"
        }
        return function("commands", rows)
    }

    private func options() -> String {
        let global = model.globals.flatMap(\.spellings).joined(separator: " ")
        let rows = model.nodes.filter { !$0.options.isEmpty }.map { node in
            "        \(ShellQuoting.posix(node.key))) own=\(ShellQuoting.posix(node.options.flatMap(\.spellings).joined(separator: " "))) ;;"
        }
        return """
            \(prefix)_options() {
                local own=''
                case "$1" in
            \(rows.joined(separator: "\n"))
                esac
                echo "$own" \(ShellQuoting.posix(global))
            }
            """
    }

    private func values() -> String {
        let rows = model.valueOptions.map { entry in
            let patterns = entry.option.spellings.map { spelling in
                entry.node.map { ShellQuoting.posix("\($0.key)|\(spelling)") } ?? "*" + ShellQuoting.posix("|\(spelling)")
            }
            return "        \(patterns.joined(separator: "|"))) echo \(ShellQuoting.posix(entry.value.scriptWord)) ;;"
        }
        return """
            \(prefix)_value() {
                case "$1|$2" in
            \(rows.joined(separator: "\n"))
                    *) return 1 ;;
                esac
            }
            """
    }

    private func arguments() -> String {
        let rows = model.argumentTables.flatMap { table in
            table.values.enumerated().map { index, value in
                let last = table.variadicLast && index == table.values.count - 1
                let pattern = last ? ShellQuoting.posix("\(table.node.key)|") + "*" : ShellQuoting.posix("\(table.node.key)|\(index)")
                return "        \(pattern)) echo \(ShellQuoting.posix(value.scriptWord)) ;;"
            }
        }
        return """
            \(prefix)_argument() {
                case "$1|$2" in
            \(rows.joined(separator: "\n"))
                    *) echo any ;;
                esac
            }
            """
    }

    private func walk() -> String {
        """
        \(prefix)_walk() {
            local word skip=0
            here='' arguments=0 ended=0
            for word in "$@"; do
                if [[ $word == '=' ]]; then skip=1; continue; fi
                if ((skip)); then skip=0; continue; fi
                if ((!ended)) && [[ $word == '--' ]]; then ended=1; continue; fi
                if ((!ended)) && [[ $word == -?* ]]; then
                    [[ $word == *=* ]] || { \(prefix)_value "$here" "$word" >/dev/null && skip=1; }
                    continue
                fi
                if [[ -z $here && $word == help ]]; then continue; fi
                if [[ " $(\(prefix)_commands "$here") " == *" $word "* ]]; then
                    here="${here:+$here }$word"
                else
                    arguments=$((arguments + 1))
                fi
            done
        }
        """
    }

    private func function(_ name: String, _ rows: [String]) -> String {
        """
        \(prefix)_\(name)() {
            case "$1" in
        \(rows.joined(separator: "\n"))
            esac
        }
        """
    }
}
