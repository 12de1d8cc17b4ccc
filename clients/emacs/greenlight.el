;;; greenlight.el --- SQLAlchemy asyncio checks  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages, tools, python

;; This file is not part of GNU Emacs.

;;; Commentary:

;; greenlight finds the mistakes that end in `MissingGreenlet' and their
;; relatives in Python code that uses SQLAlchemy's asyncio extension.  This
;; package connects Emacs to it three ways:
;;
;; - lsp-mode: greenlight registers as an add-on server (server id
;;   `greenlight'), so it runs beside pyright, pylsp or ruff in the same
;;   buffer.  Nothing to call: load this file, then `lsp' in a Python buffer
;;   starts greenlight with the others.
;;
;; - Eglot: `greenlight-eglot-setup' makes greenlight the server for
;;   `python-mode' and `python-ts-mode'.  Eglot runs one server per buffer, so
;;   this replaces pyright or pylsp in those buffers; to keep them, use the
;;   Flymake backend instead.
;;
;; - Flymake alone: `greenlight-flymake-setup' adds `greenlight-flymake',
;;   which runs `greenlight check' on the buffer's text, to every Python
;;   buffer's Flymake.  It works beside Eglot's backend, whatever server Eglot
;;   runs.
;;
;; All three need Java 17 or newer and greenlight's jar (`greenlight-jar').
;; See README.md beside this file.

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defgroup greenlight nil
  "SQLAlchemy asyncio checks by the greenlight language server."
  :group 'tools
  :prefix "greenlight-")

(defcustom greenlight-java "java"
  "The Java 17 (or newer) executable that runs greenlight."
  :type 'string)

(defcustom greenlight-java-options
  '("-XX:TieredStopAtLevel=1" "-Xshare:auto" "-Xlog:disable"
    "-Xlog:all=warning:stderr")
  "JVM options given before -jar, to the language server and to checks.
The defaults are those of the launcher beside the jar: the C1 compiler
only, which halves the time of a check, and the JVM's own warnings on
standard error, away from the protocol on standard output.  The
class-data archive greenlight.jsa is used too when it is beside the jar."
  :type '(repeat string))

(defcustom greenlight-jar nil
  "Path to greenlight.jar.
Used by `greenlight-server-command' and by `greenlight-flymake'."
  :type '(choice (const :tag "Not set" nil) file))

(defcustom greenlight-server-command nil
  "The command that starts greenlight's language server on stdin/stdout.
A list of strings.  When nil: `greenlight-java' with `greenlight-java-options'
-jar `greenlight-jar' server."
  :type '(choice (const :tag "From greenlight-java and greenlight-jar" nil)
                 (repeat string)))

(defcustom greenlight-settings nil
  "Settings sent to greenlight and applied by `greenlight-flymake'.
A plist with any of:
  :select    rules to check, replacing pyproject.toml's `select':
             codes or prefixes such as \"GL006\", \"GL0\" or \"ALL\";
  :ignore    rules not to check, added to pyproject.toml's `ignore';
  :severity  how each rule's findings are shown: an alist of
             (CODE . LEVEL), CODE a rule code or prefix (the longest
             match wins), LEVEL one of \"error\", \"warning\",
             \"information\" or \"hint\".
For example (:ignore (\"GL002\") :severity ((\"GL0\" . \"warning\")))."
  :type '(plist :options ((:select (repeat string))
                          (:ignore (repeat string))
                          (:severity
                           (alist :key-type string
                                  :value-type (choice (const "error")
                                                      (const "warning")
                                                      (const "information")
                                                      (const "hint")))))))

(defun greenlight--jar ()
  "The absolute path of `greenlight-jar', which must be set."
  (unless greenlight-jar
    (user-error "Set `greenlight-jar' to the path of greenlight.jar"))
  (expand-file-name greenlight-jar))

(defun greenlight--java-command (command)
  "The command list that runs greenlight's COMMAND (a string) on Java."
  (let* ((jar (greenlight--jar))
         (archive (expand-file-name "greenlight.jsa"
                                    (file-name-directory jar))))
    (append (list greenlight-java)
            greenlight-java-options
            (when (file-exists-p archive)
              (list (concat "-XX:SharedArchiveFile=" archive)))
            ;; As the launcher: a heap that stays small in a long-lived server.
            (when (equal command "server") (list "-XX:+UseSerialGC"))
            (list "-jar" jar command))))

(defun greenlight-server-command ()
  "Return the command list that starts greenlight's language server."
  (or greenlight-server-command (greenlight--java-command "server")))

(defun greenlight--settings-json ()
  "Return `greenlight-settings' as the JSON object the server reads.
A hash table, for `json-serialize' and lsp-mode's serializer alike."
  (let ((json (make-hash-table :test #'equal))
        (severity (make-hash-table :test #'equal)))
    (dolist (key '(:select :ignore))
      (when (plist-member greenlight-settings key)
        (puthash (substring (symbol-name key) 1)
                 (vconcat (plist-get greenlight-settings key)) json)))
    (pcase-dolist (`(,code . ,level) (plist-get greenlight-settings :severity))
      (puthash (format "%s" code) (format "%s" level) severity))
    (unless (hash-table-empty-p severity)
      (puthash "severity" severity json))
    json))

;;; lsp-mode

(declare-function lsp-register-client "ext:lsp-mode" (client))
(declare-function make-lsp-client "ext:lsp-mode" (&rest args))
(declare-function lsp-stdio-connection "ext:lsp-mode"
                  (command &optional test-command))

(defvar lsp-language-id-configuration)

(with-eval-after-load 'lsp-mode
  ;; lsp-mode 8.0.0 and older know no language for python-ts-mode (Emacs 29+).
  (unless (assq 'python-ts-mode lsp-language-id-configuration)
    (add-to-list 'lsp-language-id-configuration '(python-ts-mode . "python")))
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection #'greenlight-server-command)
    :major-modes '(python-mode python-ts-mode)
    :add-on? t
    :server-id 'greenlight
    ;; Below the Python servers lsp-mode ships: it displaces none of them.
    :priority -2
    :initialization-options #'greenlight--settings-json)))

;;; Eglot

(defvar eglot-server-programs)

(defun greenlight--eglot-contact (&optional _interactive)
  "The contact Eglot starts greenlight with, settings included."
  (append (greenlight-server-command)
          (list :initializationOptions
                (lambda (_server) (greenlight--settings-json)))))

;;;###autoload
(defun greenlight-eglot-setup ()
  "Make greenlight Eglot's server for Python buffers.
Eglot runs one server per buffer: greenlight takes the place of pyright
or pylsp there.  To keep those and still see greenlight's findings, use
`greenlight-flymake-setup' instead."
  (interactive)
  (require 'eglot)
  (add-to-list 'eglot-server-programs
               '((python-mode python-ts-mode) . greenlight--eglot-contact)))

;;; Flymake, through the command line

(declare-function flymake-make-diagnostic "flymake")
(declare-function flymake-log "flymake")
(defvar flymake-diagnostic-functions)

(defvar-local greenlight--flymake-process nil
  "The `greenlight check' run for this buffer that Flymake waits for.")

(defun greenlight--check-command (file)
  "The command that checks standard input as FILE and prints JSON."
  (append (greenlight--java-command "check")
          (list "--output-format" "json" "--exit-zero" "--stdin-filename" file)
          (when-let ((select (plist-get greenlight-settings :select)))
            (list (concat "--select=" (string-join select ","))))
          (when-let ((ignore (plist-get greenlight-settings :ignore)))
            (list (concat "--ignore=" (string-join ignore ","))))
          (list "-")))

(defun greenlight--level (code)
  "The level `greenlight-settings' gives CODE, or nil.
The longest matching code prefix wins; \"ALL\" matches any code, last."
  (let ((best nil) (best-length -1))
    (pcase-dolist (`(,key . ,level) (plist-get greenlight-settings :severity))
      (let* ((key (upcase (format "%s" key)))
             (length (cond ((equal key "ALL") 0)
                           ((string-prefix-p key code) (length key))
                           (t -1))))
        (when (> length best-length)
          (setq best (format "%s" level) best-length length))))
    best))

(defun greenlight--flymake-type (code severity)
  "The Flymake type of a CODE finding whose rule's SEVERITY is a string or nil.
`greenlight-settings' wins; then the severity the command line's JSON gives
(the rule's own); a finding without either is an error."
  (pcase (downcase (or (greenlight--level code) severity "error"))
    ((or "warning" "warn") :warning)
    ((or "information" "info" "hint") :note)
    (_ :error)))

(defun greenlight--position (location)
  "The buffer position of LOCATION, a plist (:row R :column C).
Both 1-based, C in characters, as the command line's JSON gives them."
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- (plist-get location :row)))
    (min (+ (point) (1- (plist-get location :column))) (line-end-position))))

(defun greenlight--flymake-diagnostic (finding)
  "A Flymake diagnostic for FINDING, one object of the command line's JSON."
  (let* ((code (plist-get finding :code))
         (beg (greenlight--position (plist-get finding :location)))
         (end (max (greenlight--position (plist-get finding :end_location))
                   (1+ beg)))
         (fix (plist-get finding :fix))
         ;; As Eglot shows the server's diagnostics: "source [code]: message".
         (text (concat "greenlight [" code "]: " (plist-get finding :message)
                       (when fix
                         (format " (fix: %s)" (plist-get fix :message))))))
    (flymake-make-diagnostic (current-buffer) beg (min end (point-max))
                             (greenlight--flymake-type code (plist-get finding :severity)) text
                             `((greenlight-code . ,code)
                               (greenlight-fix . ,fix)))))

(defun greenlight--flymake-findings (output)
  "The findings in OUTPUT, a buffer holding the command line's JSON."
  (with-current-buffer output
    (goto-char (point-min))
    (json-parse-buffer :object-type 'plist :array-type 'list
                       :null-object nil :false-object nil)))

(defun greenlight--flymake-finish (process source output errors report-fn)
  "Report what PROCESS, a finished check of SOURCE, found to REPORT-FN.
OUTPUT holds its standard output, ERRORS its standard error.  A run that
a newer one replaced reports nothing."
  (if (not (eq process (buffer-local-value 'greenlight--flymake-process
                                           source)))
      (flymake-log :debug "greenlight: dropped the result of an outdated run")
    (let ((status (process-exit-status process))
          (message (with-current-buffer errors (string-trim (buffer-string)))))
      (if (not (and (eq (process-status process) 'exit) (zerop status)))
          (funcall report-fn :panic
                   :explanation (format "greenlight check exited with %s: %s"
                                        status message))
        (let ((findings (greenlight--flymake-findings output)))
          (with-current-buffer source
            (save-restriction
              (widen)
              (funcall report-fn (mapcar #'greenlight--flymake-diagnostic
                                         findings)))))))))

;;;###autoload
(defun greenlight-flymake (report-fn &rest _args)
  "Flymake backend: `greenlight check' on the buffer's text.
Reports to REPORT-FN, as `flymake-diagnostic-functions' asks."
  (unless (executable-find greenlight-java)
    (error "No `%s' on the PATH (see `greenlight-java')" greenlight-java))
  (when (process-live-p greenlight--flymake-process)
    (delete-process greenlight--flymake-process))
  (let* ((source (current-buffer))
         (file (if buffer-file-name (expand-file-name buffer-file-name)
                 (expand-file-name (buffer-name))))
         (output (generate-new-buffer " *greenlight-flymake*"))
         (errors (generate-new-buffer " *greenlight-flymake stderr*"))
         (process
          (make-process
           :name "greenlight-flymake"
           :buffer output
           :stderr errors
           :command (greenlight--check-command file)
           :connection-type 'pipe
           :coding 'utf-8-unix
           :noquery t
           :sentinel
           (lambda (process _event)
             (when (memq (process-status process) '(exit signal))
               (unwind-protect
                   (when (buffer-live-p source)
                     (greenlight--flymake-finish process source output errors
                                                 report-fn))
                 (kill-buffer output)
                 (kill-buffer errors)))))))
    ;; The stderr pipe is a process of its own: no question at exit either.
    (when-let ((stderr-process (get-buffer-process errors)))
      (set-process-query-on-exit-flag stderr-process nil))
    (setq greenlight--flymake-process process)
    (save-restriction
      (widen)
      (process-send-region process (point-min) (point-max)))
    (process-send-eof process)))

(declare-function eglot-current-server "eglot")
(declare-function eglot--server-info "eglot")

(defun greenlight--eglot-runs-greenlight-p ()
  "Whether Eglot manages the current buffer with greenlight."
  (when-let ((server (and (fboundp 'eglot-current-server)
                          (eglot-current-server))))
    (equal (plist-get (eglot--server-info server) :name) "greenlight")))

(defun greenlight--flymake-enable ()
  "Add `greenlight-flymake' to a Python buffer's Flymake backends."
  (when (and (derived-mode-p 'python-mode 'python-ts-mode)
             ;; Where Eglot runs greenlight, its findings are there already.
             (not (greenlight--eglot-runs-greenlight-p)))
    (add-hook 'flymake-diagnostic-functions #'greenlight-flymake nil t)))

;;;###autoload
(defun greenlight-flymake-setup ()
  "Run `greenlight-flymake' in the Flymake of every Python buffer.
Buffers open now included.  Turn `flymake-mode' on in them, or let Eglot
do it: Eglot replaces a buffer's Flymake backends with its own when it
starts managing it, so the backend is added again then (unless Eglot's
server there is greenlight)."
  (interactive)
  (add-hook 'python-mode-hook #'greenlight--flymake-enable)
  (add-hook 'python-ts-mode-hook #'greenlight--flymake-enable)
  (add-hook 'eglot-managed-mode-hook #'greenlight--flymake-enable)
  (dolist (buffer (buffer-list))
    (with-current-buffer buffer
      (greenlight--flymake-enable))))

(provide 'greenlight)

;;; greenlight.el ends here
