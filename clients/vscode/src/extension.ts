import * as fs from 'fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { findJava, JavaProblem, JDK_DOWNLOAD, MINIMUM_JAVA } from './java';

const SECTION = 'greenlight';
/** Settings that change how the server is started, not what it reports: a change restarts it. */
const LAUNCH_SETTINGS = ['greenlight.java.home', 'greenlight.server.path'];

let client: LanguageClient | undefined;
let log: vscode.LogOutputChannel;
/** Serializes starts and stops, so that a restart requested during a start waits for it. */
let lifecycle: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  log = vscode.window.createOutputChannel('greenlight', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('greenlight.restart', () => restart(context)),
    vscode.commands.registerCommand('greenlight.showLog', () => log.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (LAUNCH_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
        void restart(context);
      }
    }),
  );
  return restart(context);
}

export function deactivate(): Promise<void> {
  return stop();
}

function restart(context: vscode.ExtensionContext): Promise<void> {
  lifecycle = lifecycle.then(async () => {
    await stop();
    await start(context);
  });
  return lifecycle;
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (error) {
      log.warn(`stopping the server: ${error}`);
    }
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const configuration = vscode.workspace.getConfiguration(SECTION);
  let java;
  try {
    java = await findJava(configuration.get<string | null>('java.home'));
  } catch (problem) {
    if (problem instanceof JavaProblem) {
      // Not awaited: the notification stays until the user answers, and activation must not wait.
      void reportMissingJava(problem.message);
      return;
    }
    throw problem;
  }
  const jar = configuration.get<string | null>('server.path') || context.asAbsolutePath('server/greenlight.jar');
  if (!fs.existsSync(jar)) {
    log.error(`no server at ${jar}`);
    void vscode.window.showErrorMessage(`greenlight: the server ${jar} does not exist (see the greenlight.server.path setting).`);
    return;
  }
  log.info(`Java ${java.version} from ${java.origin}: ${java.executable}`);
  log.info(`server: ${jar}`);

  // -XX:TieredStopAtLevel=1 and the serial collector keep the server small and quick to start on
  // a machine already busy with the editor (the command-line launcher uses the same options).
  const command = { command: java.executable, args: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar, 'server'] };
  const serverOptions: ServerOptions = { run: command, debug: command };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'python', scheme: 'file' },
      { language: 'python', scheme: 'untitled' },
    ],
    initializationOptions: serverSettings(),
    // Sends didChangeConfiguration with the section when the user edits a setting.
    synchronize: { configurationSection: SECTION },
    outputChannel: log,
  };
  const starting = new LanguageClient(SECTION, 'greenlight', serverOptions, clientOptions);
  client = starting;
  try {
    await starting.start();
  } catch (error) {
    log.error(`the server did not start: ${error}`);
    void vscode.window.showErrorMessage('greenlight: the server did not start; see its log.', 'Show Log')
      .then((choice) => choice && log.show());
  }
}

/** The settings the server reads (EditorSettings on the server side). */
function serverSettings(): object {
  const configuration = vscode.workspace.getConfiguration(SECTION);
  return {
    select: configuration.get<string[]>('select', []),
    ignore: configuration.get<string[]>('ignore', []),
    severity: configuration.get<Record<string, string>>('severity', {}),
  };
}

async function reportMissingJava(problem: string): Promise<void> {
  log.error(problem);
  const download = 'Download a JDK';
  const settings = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(
    `${problem} Install a JDK ${MINIMUM_JAVA}+ (for example from ${JDK_DOWNLOAD}), or set greenlight.java.home, then run "greenlight: Restart Server".`,
    download,
    settings,
  );
  if (choice === download) {
    await vscode.env.openExternal(vscode.Uri.parse(JDK_DOWNLOAD));
  } else if (choice === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'greenlight.java.home');
  }
}
